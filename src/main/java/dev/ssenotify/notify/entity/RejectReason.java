package dev.ssenotify.notify.entity;

/**
 * Why a new connection was refused; {@link #label()} is what stats and metrics use.
 */
public enum RejectReason {
    /** The user already holds {@code sse.max-clients-per-user} connections (HTTP 429). */
    USER_LIMIT("user-limit"),
    /** The server already holds {@code sse.max-clients} connections (HTTP 503). */
    SERVER_LIMIT("server-limit"),
    /** The client address already holds {@code sse.max-anonymous-per-address} anonymous streams (HTTP 429). */
    ADDRESS_LIMIT("address-limit"),
    /** The client address opened streams faster than {@code sse.connect.rate} (HTTP 429). */
    RATE_LIMIT("rate-limit"),
    /** The server is shutting down (HTTP 503). */
    SHUTTING_DOWN("shutting-down");

    private final String label;

    RejectReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
