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
    /** The client did not read fast enough: its queue overflowed. */
    SLOW_CONSUMER("slow-consumer"),
    /** Application code closed it on purpose, e.g. at logout ({@code SseService.disconnect}). */
    CLOSED_BY_SERVER("closed-by-server"),
    /** The server is shutting down or the application is undeployed. */
    SERVER_SHUTDOWN("server-shutdown");

    private final String label;

    DisconnectReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
