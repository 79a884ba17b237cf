package dev.ssenotify.stream.control;

import dev.ssenotify.notify.entity.RejectReason;

/** A new stream could not be admitted; the boundary turns it into 429 or 503. */
public class ConnectionRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final transient RejectReason reason;

    ConnectionRejectedException(RejectReason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public RejectReason reason() {
        return reason;
    }
}
