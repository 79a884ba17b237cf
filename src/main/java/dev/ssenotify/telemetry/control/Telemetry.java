package dev.ssenotify.telemetry.control;

import dev.ssenotify.notify.entity.DisconnectReason;
import dev.ssenotify.notify.entity.RejectReason;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * The delivery counters behind both the stats endpoint and the {@code sse_*} metrics. Names and tags are
 * fixed and few: never one per user or per client. Each count is kept once, in the counter the server's
 * registry made ({@link Meters}), and the stats read it back.
 */
@ApplicationScoped
public class Telemetry {

    @Inject
    Meters meters;

    private Count published;
    private Count sent;
    private Count dropped;
    private Count failed;
    private Count heartbeats;
    private Count opened;
    private Count duplicates;
    private Count replayed;
    private Count gaps;
    private Count acks;
    private Count offlineDropped;
    private Count coalesced;
    private ReasonCounters<RejectReason> rejected;
    private ReasonCounters<DisconnectReason> closed;
    private ReasonCounters<DisconnectReason> evictions;
    private LongConsumer dispatch;

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
                reason -> true, meters);
        closed = new ReasonCounters<>("sse.connections.closed", DisconnectReason.class, DisconnectReason::label,
                reason -> true, meters);
        evictions = new ReasonCounters<>("sse.evictions", DisconnectReason.class, DisconnectReason::label,
                DisconnectReason::eviction, meters);
        dispatch = meters.timer("sse.dispatch");
    }

    /** A gauge on state another bean owns, read when the metrics are. */
    public <T> void gauge(String name, T owner, Function<T, ? extends Number> reading) {
        meters.gauge(name, owner, reading);
    }

    /** A caller was refused by a rate limit ({@code publish}, {@code login}, {@code connect}). */
    public void rateLimited(String limit) {
        meters.counter("sse.rate.limited", "limit", limit).inc();
    }

    /** A webhook was answered: {@code notified}, {@code ignored} (a type nothing maps), {@code duplicate}, {@code rejected}. */
    public void webhook(String outcome) {
        meters.counter("sse.webhooks.received", "outcome", outcome).inc();
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
        dispatch.accept(nanos);
    }

    public long publishedCount() {
        return published.count();
    }

    public long sentCount() {
        return sent.count();
    }

    public long droppedCount() {
        return dropped.count();
    }

    public long failedCount() {
        return failed.count();
    }

    public long heartbeatCount() {
        return heartbeats.count();
    }

    public long openedCount() {
        return opened.count();
    }

    public long duplicateCount() {
        return duplicates.count();
    }

    public long replayedCount() {
        return replayed.count();
    }

    public long gapCount() {
        return gaps.count();
    }

    public long ackCount() {
        return acks.count();
    }

    public long offlineDroppedCount() {
        return offlineDropped.count();
    }

    public Map<String, Long> rejectedByReason() {
        return rejected.byLabel();
    }

    public Map<String, Long> disconnectsByReason() {
        return closed.byLabel();
    }
}
