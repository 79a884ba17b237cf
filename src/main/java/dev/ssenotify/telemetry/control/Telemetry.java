package dev.ssenotify.telemetry.control;

import dev.ssenotify.notify.entity.DisconnectReason;
import dev.ssenotify.notify.entity.RejectReason;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * The delivery counters behind both the stats endpoint and MicroProfile Metrics. Names and tags are fixed
 * and few: never one per user or per client.
 * <p>
 * Each count is kept once, in the registry's {@link Counter}, and the stats read its {@code getCount()}:
 * MicroProfile Metrics 5.1 only exports as a counter what its own {@code counter(...)} made (there is no
 * {@code register}, and {@code Metadata} has no type), so a count of ours could be exported only as a gauge.
 */
@ApplicationScoped
public class Telemetry {

    @Inject
    Meters meters;

    private Counter published;
    private Counter sent;
    private Counter dropped;
    private Counter failed;
    private Counter heartbeats;
    private Counter opened;
    private Counter duplicates;
    private Counter replayed;
    private Counter gaps;
    private Counter acks;
    private Counter offlineDropped;
    private Counter coalesced;
    private ReasonCounters<RejectReason> rejected;
    private ReasonCounters<DisconnectReason> closed;
    private ReasonCounters<DisconnectReason> evictions;
    private Timer dispatch;

    @PostConstruct
    void register() {
        published = meters.counter("sse.events.published");
        sent = meters.counter("sse.events.sent");
        dropped = meters.counter("sse.events.dropped");
        failed = meters.counter("sse.events.failed");
        heartbeats = meters.counter("sse.heartbeats.sent");
        opened = meters.counter("sse.connections.opened");
        duplicates = meters.counter("sse.events.duplicate");
        replayed = meters.counter("sse.events.replayed");
        gaps = meters.counter("sse.gaps.signalled");
        acks = meters.counter("sse.acks");
        offlineDropped = meters.counter("sse.offline.dropped");
        coalesced = meters.counter("sse.events.coalesced");
        rejected = new ReasonCounters<>("sse.connections.rejected", RejectReason.class, RejectReason::label,
                reason -> true, meters::counter);
        closed = new ReasonCounters<>("sse.connections.closed", DisconnectReason.class, DisconnectReason::label,
                reason -> true, meters::counter);
        evictions = new ReasonCounters<>("sse.evictions", DisconnectReason.class, DisconnectReason::label,
                DisconnectReason::eviction, meters::counter);
        dispatch = meters.timer("sse.dispatch");
    }

    /** A gauge on state another bean owns, read when the metrics are. */
    public <T> void gauge(String name, T owner, Function<T, ? extends Number> reading) {
        meters.gauge(name, owner, reading);
    }

    /** A caller was refused by a rate limit ({@code publish}, {@code login}, {@code connect}). */
    public void rateLimited(String limit) {
        meters.counter("sse.rate.limited", new Tag("limit", limit)).inc();
    }

    /** A waiting frame was replaced by a newer one with the same coalesce key. */
    public void coalesced() {
        coalesced.inc();
    }

    public void duplicate() {
        duplicates.inc();
    }

    public void replayed() {
        replayed.inc();
    }

    public void gap() {
        gaps.inc();
    }

    public void ack() {
        acks.inc();
    }

    public void offlineDropped(int count) {
        if (count > 0) {
            offlineDropped.inc(count);
        }
    }

    public void published() {
        published.inc();
    }

    public void sent() {
        sent.inc();
    }

    public void dropped(int count) {
        if (count > 0) {
            dropped.inc(count);
        }
    }

    public void failed() {
        failed.inc();
    }

    public void heartbeat() {
        heartbeats.inc();
    }

    public void opened() {
        opened.inc();
    }

    public void rejected(RejectReason reason) {
        rejected.inc(reason);
    }

    /** Counts the close, and the eviction too when the server pushed the client out. */
    public void closed(DisconnectReason reason) {
        closed.inc(reason);
        evictions.inc(reason);
    }

    public void dispatchTook(long nanos) {
        dispatch.update(Duration.ofNanos(nanos));
    }

    public long publishedCount() {
        return published.getCount();
    }

    public long sentCount() {
        return sent.getCount();
    }

    public long droppedCount() {
        return dropped.getCount();
    }

    public long failedCount() {
        return failed.getCount();
    }

    public long heartbeatCount() {
        return heartbeats.getCount();
    }

    public long openedCount() {
        return opened.getCount();
    }

    public long duplicateCount() {
        return duplicates.getCount();
    }

    public long replayedCount() {
        return replayed.getCount();
    }

    public long gapCount() {
        return gaps.getCount();
    }

    public long ackCount() {
        return acks.getCount();
    }

    public long offlineDroppedCount() {
        return offlineDropped.getCount();
    }

    public Map<String, Long> rejectedByReason() {
        return rejected.byLabel();
    }

    public Map<String, Long> disconnectsByReason() {
        return closed.byLabel();
    }
}
