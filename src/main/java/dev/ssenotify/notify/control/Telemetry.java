package dev.ssenotify.notify.control;

import dev.ssenotify.notify.entity.DisconnectReason;
import dev.ssenotify.notify.entity.RejectReason;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * The delivery counters behind both the stats endpoint and MicroProfile Metrics. Names and tags are fixed
 * and few: never one per user or per client.
 */
@ApplicationScoped
public class Telemetry {

    @Inject
    MetricRegistry metrics;

    private final LongAdder published = new LongAdder();
    private final LongAdder sent = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder heartbeats = new LongAdder();
    private final LongAdder opened = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder replayed = new LongAdder();
    private final LongAdder gaps = new LongAdder();
    private final LongAdder acks = new LongAdder();
    private final LongAdder offlineDropped = new LongAdder();
    private final Map<RejectReason, LongAdder> rejected = new EnumMap<>(RejectReason.class);
    private final Map<DisconnectReason, LongAdder> disconnects = new EnumMap<>(DisconnectReason.class);

    private Counter sentCounter;
    private Counter droppedCounter;
    private Counter failedCounter;
    private Counter heartbeatCounter;
    private Counter openedCounter;
    private Counter publishedCounter;
    private Counter duplicateCounter;
    private Counter replayedCounter;
    private Counter gapCounter;
    private Counter ackCounter;
    private Counter offlineDroppedCounter;
    private Counter coalescedCounter;
    private final Map<RejectReason, Counter> rejectedCounters = new EnumMap<>(RejectReason.class);
    private final Map<DisconnectReason, Counter> closedCounters = new EnumMap<>(DisconnectReason.class);
    private final Map<DisconnectReason, Counter> evictionCounters = new EnumMap<>(DisconnectReason.class);
    private Timer dispatchTimer;

    @PostConstruct
    void register() {
        publishedCounter = metrics.counter("sse.events.published");
        sentCounter = metrics.counter("sse.events.sent");
        droppedCounter = metrics.counter("sse.events.dropped");
        failedCounter = metrics.counter("sse.events.failed");
        heartbeatCounter = metrics.counter("sse.heartbeats.sent");
        openedCounter = metrics.counter("sse.connections.opened");
        duplicateCounter = metrics.counter("sse.events.duplicate");
        replayedCounter = metrics.counter("sse.events.replayed");
        gapCounter = metrics.counter("sse.gaps.signalled");
        ackCounter = metrics.counter("sse.acks");
        offlineDroppedCounter = metrics.counter("sse.offline.dropped");
        coalescedCounter = metrics.counter("sse.events.coalesced");
        for (RejectReason reason : RejectReason.values()) {
            rejected.put(reason, new LongAdder());
            rejectedCounters.put(reason, metrics.counter("sse.connections.rejected", new Tag("reason", reason.label())));
        }
        for (DisconnectReason reason : DisconnectReason.values()) {
            disconnects.put(reason, new LongAdder());
            closedCounters.put(reason, metrics.counter("sse.connections.closed", new Tag("reason", reason.label())));
            if (reason.eviction()) {
                evictionCounters.put(reason, metrics.counter("sse.evictions", new Tag("reason", reason.label())));
            }
        }
        dispatchTimer = metrics.timer("sse.dispatch");
    }


    /** Gauges read state other beans own; registered at startup so that they exist before any stream. */
    void registerGauges(@Observes @Initialized(ApplicationScoped.class) Object started,
                        ConnectionRegistry registry, EventLog log, Inboxes inboxes) {
        metrics.gauge("sse.clients.connected", registry, ConnectionRegistry::size);
        metrics.gauge("sse.buffered.bytes", registry, ConnectionRegistry::bufferedBytes);
        metrics.gauge("sse.log.size", log, EventLog::size);
        metrics.gauge("sse.offline.queued", inboxes, Inboxes::queued);
        metrics.gauge("sse.offline.bytes", inboxes, Inboxes::queuedBytes);
        metrics.gauge("sse.offline.queues", inboxes, Inboxes::queues);
    }

    /** A caller was refused by a rate limit ({@code publish}, {@code login}, {@code connect}). */
    public void rateLimited(String limit) {
        metrics.counter("sse.rate.limited", new Tag("limit", limit)).inc();
    }

    /** A waiting frame was replaced by a newer one with the same coalesce key. */
    void coalesced() {
        coalescedCounter.inc();
    }

    void duplicate() {
        duplicates.increment();
        duplicateCounter.inc();
    }

    void replayed() {
        replayed.increment();
        replayedCounter.inc();
    }

    void gap() {
        gaps.increment();
        gapCounter.inc();
    }

    void ack() {
        acks.increment();
        ackCounter.inc();
    }

    void offlineDropped(int count) {
        if (count > 0) {
            offlineDropped.add(count);
            offlineDroppedCounter.inc(count);
        }
    }

    long duplicateCount() {
        return duplicates.sum();
    }

    long replayedCount() {
        return replayed.sum();
    }

    long gapCount() {
        return gaps.sum();
    }

    long ackCount() {
        return acks.sum();
    }

    long offlineDroppedCount() {
        return offlineDropped.sum();
    }

    void published() {
        published.increment();
        publishedCounter.inc();
    }

    void sent() {
        sent.increment();
        sentCounter.inc();
    }

    void dropped(int count) {
        if (count > 0) {
            dropped.add(count);
            droppedCounter.inc(count);
        }
    }

    void failed() {
        failed.increment();
        failedCounter.inc();
    }

    void heartbeat() {
        heartbeats.increment();
        heartbeatCounter.inc();
    }

    void opened() {
        opened.increment();
        openedCounter.inc();
    }

    void rejected(RejectReason reason) {
        rejected.get(reason).increment();
        rejectedCounters.get(reason).inc();
    }

    void closed(DisconnectReason reason) {
        disconnects.get(reason).increment();
        closedCounters.get(reason).inc();
        if (reason.eviction()) {
            evictionCounters.get(reason).inc();
        }
    }

    void dispatchTook(long nanos) {
        dispatchTimer.update(Duration.ofNanos(nanos));
    }

    long publishedCount() {
        return published.sum();
    }

    long sentCount() {
        return sent.sum();
    }

    long droppedCount() {
        return dropped.sum();
    }

    long failedCount() {
        return failed.sum();
    }

    long heartbeatCount() {
        return heartbeats.sum();
    }

    long openedCount() {
        return opened.sum();
    }

    Map<String, Long> rejectedByReason() {
        Map<String, Long> out = new LinkedHashMap<>();
        rejected.forEach((reason, count) -> out.put(reason.label(), count.sum()));
        return out;
    }

    Map<String, Long> disconnectsByReason() {
        Map<String, Long> out = new LinkedHashMap<>();
        disconnects.forEach((reason, count) -> out.put(reason.label(), count.sum()));
        return out;
    }
}
