package dev.ssenotify.notify.control;

import dev.ssenotify.notify.entity.DisconnectReason;
import dev.ssenotify.cluster.control.Presence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Heartbeats and the cleanup sweep. A client that left is only noticed when a write to it fails, so both
 * work by writing: the heartbeat to everyone, the sweep to anyone nothing was written to for a whole
 * cleanup interval (which covers heartbeats being switched off).
 */
@ApplicationScoped
public class Maintenance {

    @Inject
    SseConfig config;
    @Inject
    ConnectionRegistry registry;
    @Inject
    Delivery delivery;
    @Inject
    EventEncoder encoder;
    @Inject
    EventLog log;
    @Inject
    Presence presence;
    @Inject
    StatsView stats;

    private final jakarta.json.bind.Jsonb jsonb = jakarta.json.bind.JsonbBuilder.create();
    @Inject
    Inboxes inboxes;

    private volatile long lastHeartbeatNanos = System.nanoTime();

    public void heartbeat() {
        lastHeartbeatNanos = System.nanoTime();
        Frame beat = encoder.heartbeat();
        for (Connection connection : registry.all()) {
            delivery.offer(connection, beat);
        }
    }

    public void sweep() {
        log.expire();
        inboxes.sweep();
        long idleNanos = config.cleanupInterval().toNanos();
        Frame probe = null;
        for (Connection connection : registry.all()) {
            if (connection.sink().isClosed()) {
                registry.close(connection, DisconnectReason.CLIENT_GONE);
            } else if (connection.nanosSinceLastWrite() >= idleNanos) {
                if (probe == null) {
                    probe = encoder.probe();
                }
                delivery.offer(connection, probe);
            }
        }
    }

    /** Cluster mode: renews this instance's connection leases and publishes its stats. */
    public void clusterRound() {
        presence.renew(registry.clientsByUser());
        presence.publishStats(jsonb.toJson(stats.snapshot()));
    }

    /** Nanoseconds since the last heartbeat round began. */
    public long nanosSinceHeartbeat() {
        return System.nanoTime() - lastHeartbeatNanos;
    }
}
