package dev.ssenotify.maintenance.control;

import dev.ssenotify.config.SseConfig;
import dev.ssenotify.limits.control.RateLimits;
import dev.ssenotify.log.control.EventEncoder;
import dev.ssenotify.log.control.EventLog;
import dev.ssenotify.log.control.Frame;
import dev.ssenotify.notify.entity.DisconnectReason;
import dev.ssenotify.offline.control.Inboxes;
import dev.ssenotify.stream.control.Connection;
import dev.ssenotify.stream.control.ConnectionRegistry;
import dev.ssenotify.stream.control.Delivery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * Heartbeats and the cleanup sweep. A client that left is only noticed when a write to it fails, so both
 * work by writing: the heartbeat to everyone, the sweep to anyone nothing was written to for a whole
 * cleanup interval (which covers heartbeats being switched off).
 * <p>
 * Heartbeats go out in slices spread over the interval (one a second, at most ten), each connection in the
 * slice its client id falls in: all of them at once would put ten thousand writes in front of the next
 * event.
 */
@ApplicationScoped
public class Maintenance {

    @Inject
    SseConfig config;
    @Inject
    RateLimits limits;
    @Inject
    ConnectionRegistry registry;
    @Inject
    Delivery delivery;
    @Inject
    EventEncoder encoder;
    @Inject
    EventLog log;

    @Inject
    Inboxes inboxes;

    private static final int MAX_SLICES = 10;

    private volatile long lastHeartbeatNanos = System.nanoTime();
    private int slice;

    /**
     * How many slices an interval is cut into. A slice lasts at least a second, since EJB timers are not
     * delivered more often than that on every server (Payara's minimum delivery interval).
     */
    public int slices() {
        return (int) Math.max(1, Math.min(MAX_SLICES, config.heartbeatInterval().toSeconds()));
    }

    /** Beats the next slice of connections; called {@link #slices()} times per heartbeat interval. */
    public synchronized void heartbeat() {
        lastHeartbeatNanos = System.nanoTime();
        int slices = slices();
        slice = (slice + 1) % slices;
        Frame beat = encoder.heartbeat();
        for (Connection connection : registry.all()) {
            // Each connection in one slice, the same every time: its random id spreads them evenly.
            if (Math.floorMod(connection.info().clientId().hashCode(), slices) == slice) {
                delivery.offer(connection, beat);
            }
        }
    }

    public void sweep() {
        log.expire();
        inboxes.sweep();
        limits.sweep();
        long idleNanos = config.cleanupInterval().toNanos();
        Frame probe = null;
        for (Connection connection : registry.all()) {
            if (connection.output().isClosed()) {
                registry.close(connection, DisconnectReason.CLIENT_GONE);
            } else if (connection.nanosSinceLastWrite() >= idleNanos) {
                if (probe == null) {
                    probe = encoder.probe();
                }
                delivery.offer(connection, probe);
            }
        }
    }

    /**
     * Closes the streams whose caller's token has expired ({@code token-expired}), and, as slow consumers, the connections whose output has taken nothing for
     * {@code sse.client.write-timeout}: their writer parked, and the client never drained its socket.
     */
    public void enforceWriteDeadlines() {
        long limit = config.writeTimeout().toNanos();
        Instant now = Instant.now();
        for (Connection connection : registry.all()) {
            if (connection.nanosParked() > limit) {
                registry.close(connection, DisconnectReason.SLOW_CONSUMER);
            } else if (connection.expiredAt(now)) {
                registry.close(connection, DisconnectReason.TOKEN_EXPIRED);
            }
        }
    }

    /** Nanoseconds since the last heartbeat round began. */
    public long nanosSinceHeartbeat() {
        return System.nanoTime() - lastHeartbeatNanos;
    }
}
