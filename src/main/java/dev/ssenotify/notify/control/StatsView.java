package dev.ssenotify.notify.control;

import dev.ssenotify.config.SseConfig;
import dev.ssenotify.log.control.EventLog;
import dev.ssenotify.notify.entity.SseStats;
import dev.ssenotify.offline.control.Inboxes;
import dev.ssenotify.stream.control.ConnectionRegistry;
import dev.ssenotify.telemetry.control.Telemetry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
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

    /** Gauges read state the registry, the log and the offline queues own; registered at startup so that
     *  they exist before any stream. */
    void registerGauges(@Observes @Initialized(ApplicationScoped.class) Object started) {
        telemetry.gauge("sse.clients.connected", registry, ConnectionRegistry::size);
        telemetry.gauge("sse.buffered.bytes", registry, ConnectionRegistry::bufferedBytes);
        telemetry.gauge("sse.topic.subscriptions", registry, ConnectionRegistry::topicSubscriptions);
        telemetry.gauge("sse.log.size", log, EventLog::size);
        telemetry.gauge("sse.offline.queued", inboxes, Inboxes::queued);
        telemetry.gauge("sse.offline.bytes", inboxes, Inboxes::queuedBytes);
        telemetry.gauge("sse.offline.queues", inboxes, Inboxes::queues);
    }

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
                Duration.between(started, Instant.now()).toSeconds(),
                registry.topicSubscriptions());
    }

    public boolean accepting() {
        return registry.isAccepting();
    }
}
