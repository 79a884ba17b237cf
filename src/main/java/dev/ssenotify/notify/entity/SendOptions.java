package dev.ssenotify.notify.entity;

/**
 * Optional parts of an event for the {@code notify*} shortcuts of {@code SseService}.
 *
 * @param id          publisher id written as the event's {@code id:}; {@code null} lets the server assign one
 * @param retryMillis reconnect delay announced with the event; {@code null} leaves the client's as it is
 * @param coalesceKey marks the event as superseded by a later one with the same key (e.g. {@code upload-42}
 *                    for progress): a connection that falls behind writes only the newest of them;
 *                    {@code null} for events that must all arrive
 */
public record SendOptions(String id, Long retryMillis, String coalesceKey) {

    public static final SendOptions NONE = new SendOptions(null, null, null);

    public SendOptions(String id, Long retryMillis) {
        this(id, retryMillis, null);
    }

    public static SendOptions id(String id) {
        return new SendOptions(id, null, null);
    }

    /** Options for an event that a later one with the same key supersedes. */
    public static SendOptions coalesce(String coalesceKey) {
        return new SendOptions(null, null, coalesceKey);
    }

    public SendOptions withCoalesceKey(String key) {
        return new SendOptions(id, retryMillis, key);
    }
}
