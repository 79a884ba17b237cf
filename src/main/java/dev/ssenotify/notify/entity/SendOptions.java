package dev.ssenotify.notify.entity;

/**
 * Optional parts of an event for the {@code notify*} shortcuts of {@code SseService}.
 *
 * @param id          publisher id written as the event's {@code id:}; {@code null} lets the server assign one
 * @param retryMillis reconnect delay announced with the event; {@code null} leaves the client's as it is
 */
public record SendOptions(String id, Long retryMillis) {

    public static final SendOptions NONE = new SendOptions(null, null);

    public static SendOptions id(String id) {
        return new SendOptions(id, null);
    }
}
