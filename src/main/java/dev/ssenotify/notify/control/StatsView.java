package dev.ssenotify.notify.control;

import dev.ssenotify.notify.entity.SseStats;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;

/** Assembles the stats snapshot from the registry's counts and the telemetry counters. */
@ApplicationScoped
public class StatsView {

    @Inject
    SseConfig config;
    @Inject
    ConnectionRegistry registry;
    @Inject
    Telemetry telemetry;
    @Inject
    Inboxes inboxes;
    @Inject
    EventLog log;

    private final Instant started = Instant.now();

    public SseStats snapshot() {
        int total = registry.size();
        int authenticated = Math.min(total, registry.authenticatedCount());
        return new SseStats(
                total,
                authenticated,
                total - authenticated,
                registry.uniqueUsers(),
                registry.uniqueSessions(),
                telemetry.publishedCount(),
                telemetry.sentCount(),
                telemetry.droppedCount(),
                telemetry.failedCount(),
                telemetry.heartbeatCount(),
                telemetry.openedCount(),
                telemetry.duplicateCount(),
                telemetry.replayedCount(),
                telemetry.gapCount(),
                telemetry.ackCount(),
                inboxes.queued(),
                telemetry.offlineDroppedCount(),
                log.size(),
                telemetry.rejectedByReason(),
                telemetry.disconnectsByReason(),
                config.maxClients(),
                config.maxClientsPerUser(),
                Duration.between(started, Instant.now()).toSeconds());
    }

    public boolean accepting() {
        return registry.isAccepting();
    }
}
