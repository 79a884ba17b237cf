package dev.ssenotify.notify.entity;

/**
 * Why a connection ended; {@link #label()} is what stats and metrics use.
 */
public enum DisconnectReason {
    /** The client closed the stream, noticed by the sink being closed. */
    CLIENT_GONE("client-gone"),
    /** Writing an event failed. */
    WRITE_FAILED("write-failed"),
    /** Writing a heartbeat failed. */
    HEARTBEAT_FAILED("heartbeat-failed"),
    /**
     * The client did not read fast enough: its buffer overflowed ({@code sse.client.queue-size},
     * {@code sse.client.max-buffered-bytes}) or its socket took nothing for {@code sse.client.write-timeout}.
     */
    SLOW_CONSUMER("slow-consumer", true),
    /** The same logical client ({@code clientKey}) opened a new stream, which took this one's place. */
    REPLACED("replaced", true),
    /** Application code closed it on purpose, e.g. at logout ({@code SseService.disconnect}). */
    CLOSED_BY_SERVER("closed-by-server"),
    /** The caller's token expired while the stream was open; the client reconnects with a fresh one. */
    TOKEN_EXPIRED("token-expired"),
    /** The server is shutting down or the application is undeployed. */
    SERVER_SHUTDOWN("server-shutdown");

    private final String label;
    private final boolean eviction;

    DisconnectReason(String label) {
        this(label, false);
    }

    DisconnectReason(String label, boolean eviction) {
        this.label = label;
        this.eviction = eviction;
    }

    /** True when the server pushed the client out (counted as an eviction in metrics). */
    public boolean eviction() {
        return eviction;
    }

    public String label() {
        return label;
    }
}
