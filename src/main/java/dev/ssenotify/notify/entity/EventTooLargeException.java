package dev.ssenotify.notify.entity;

/**
 * The serialized data of an event is larger than {@code sse.max-event-bytes}.
 */
public class EventTooLargeException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;
    private final int actualBytes;
    private final int maxBytes;

    public EventTooLargeException(int actualBytes, int maxBytes) {
        super("event data is " + actualBytes + " bytes as JSON; the limit (sse.max-event-bytes) is " + maxBytes);
        this.actualBytes = actualBytes;
        this.maxBytes = maxBytes;
    }

    public int actualBytes() {
        return actualBytes;
    }

    public int maxBytes() {
        return maxBytes;
    }
}
