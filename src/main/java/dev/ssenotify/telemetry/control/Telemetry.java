package dev.ssenotify.telemetry.control;

import dev.ssenotify.notify.entity.DisconnectReason;
import dev.ssenotify.notify.entity.RejectReason;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
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


    /** A gauge on state another bean owns, read when the metrics are. */
    public <T> void gauge(String name, T owner, Function<T, ? extends Number> reading) {
        metrics.gauge(name, owner, reading);
    }

    /** A caller was refused by a rate limit ({@code publish}, {@code login}, {@code connect}). */
    public void rateLimited(String limit) {
        metrics.counter("sse.rate.limited", new Tag("limit", limit)).inc();
    }

    /** A waiting frame was replaced by a newer one with the same coalesce key. */
    public void coalesced() {
        coalescedCounter.inc();
    }

    public void duplicate() {
        duplicates.increment();
        duplicateCounter.inc();
    }

    public void replayed() {
        replayed.increment();
        replayedCounter.inc();
    }

    public void gap() {
        gaps.increment();
        gapCounter.inc();
    }

    public void ack() {
        acks.increment();
        ackCounter.inc();
    }

    public void offlineDropped(int count) {
        if (count > 0) {
            offlineDropped.add(count);
            offlineDroppedCounter.inc(count);
        }
    }

    public long duplicateCount() {
        return duplicates.sum();
    }

    public long replayedCount() {
        return replayed.sum();
    }

    public long gapCount() {
        return gaps.sum();
    }

    public long ackCount() {
        return acks.sum();
    }

    public long offlineDroppedCount() {
        return offlineDropped.sum();
    }

    public void published() {
        published.increment();
        publishedCounter.inc();
    }

    public void sent() {
        sent.increment();
        sentCounter.inc();
    }

    public void dropped(int count) {
        if (count > 0) {
            dropped.add(count);
            droppedCounter.inc(count);
        }
    }

    public void failed() {
        failed.increment();
        failedCounter.inc();
    }

    public void heartbeat() {
        heartbeats.increment();
        heartbeatCounter.inc();
    }

    public void opened() {
        opened.increment();
        openedCounter.inc();
    }

    public void rejected(RejectReason reason) {
        rejected.get(reason).increment();
        rejectedCounters.get(reason).inc();
    }

    public void closed(DisconnectReason reason) {
        disconnects.get(reason).increment();
        closedCounters.get(reason).inc();
        if (reason.eviction()) {
            evictionCounters.get(reason).inc();
        }
    }

    public void dispatchTook(long nanos) {
        dispatchTimer.update(Duration.ofNanos(nanos));
    }

    public long publishedCount() {
        return published.sum();
    }

    public long sentCount() {
        return sent.sum();
    }

    public long droppedCount() {
        return dropped.sum();
    }

    public long failedCount() {
        return failed.sum();
    }

    public long heartbeatCount() {
        return heartbeats.sum();
    }

    public long openedCount() {
        return opened.sum();
    }

    public Map<String, Long> rejectedByReason() {
        Map<String, Long> out = new LinkedHashMap<>();
        rejected.forEach((reason, count) -> out.put(reason.label(), count.sum()));
        return out;
    }

    public Map<String, Long> disconnectsByReason() {
        Map<String, Long> out = new LinkedHashMap<>();
        disconnects.forEach((reason, count) -> out.put(reason.label(), count.sum()));
        return out;
    }
}
