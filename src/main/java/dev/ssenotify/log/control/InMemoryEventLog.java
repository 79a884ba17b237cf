package dev.ssenotify.log.control;

import dev.ssenotify.config.SseConfig;
import dev.ssenotify.notify.entity.SseTarget;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The embedded log: a ring of the last {@code sse.replay.max-events} events, none older than
 * {@code sse.replay.retention}. An append holds the lock only to assign the sequence and store the event;
 * the fan-out runs outside it ({@link OrderedFanOut}), so no reader (replays, acks, gauges) waits for a
 * subscriber. Every subscriber still sees events once, in id order, and the head moves to an event only
 * when its fan-out is done, so a reader that takes the head sees exactly the events fanned out before it.
 */
@ApplicationScoped
@Typed(InMemoryEventLog.class)
public class InMemoryEventLog implements EventLog {

    private final EventEncoder encoder;

    private final OrderedFanOut fanOut = new OrderedFanOut();
    private final Map<String, LoggedEvent> byKey = new HashMap<>();
    private final EventIds ids;
    private final LoggedEvent[] ring;
    private final Duration retention;
    private long first = 1;
    private long next = 1;

    /** For CDI's proxy. */
    protected InMemoryEventLog() {
        this.encoder = null;
        this.ids = null;
        this.ring = null;
        this.retention = null;
    }

    @Inject
    public InMemoryEventLog(SseConfig config, EventEncoder encoder) {
        this.encoder = encoder;
        this.ring = new LoggedEvent[config.replayMaxEvents()];
        this.retention = config.replayRetention();
        this.ids = new EventIds(Long.toString(System.currentTimeMillis(), 36));
    }

    @Override
    public void subscribe(Subscriber subscriber) {
        fanOut.subscribe(subscriber);
    }

    @Override
    public CompletionStage<Appended> append(SseTarget target, String idempotencyKey, String name, String json,
                                            Long retryMillis, String coalesceKey) {
        CompletableFuture<Appended> appended = store(target, idempotencyKey, name, json, retryMillis, coalesceKey);
        if (!appended.isDone()) {
            // Usually hands out this very event, so the stage is complete on return.
            fanOut.run();
        }
        return appended;
    }

    /** Stores the event and queues it for its fan-out; a duplicate comes back completed, and is not queued. */
    private synchronized CompletableFuture<Appended> store(SseTarget target, String idempotencyKey, String name,
                                                           String json, Long retryMillis, String coalesceKey) {
        long now = System.nanoTime();
        expireOlderThan(now);
        if (idempotencyKey != null) {
            LoggedEvent earlier = byKey.get(idempotencyKey);
            if (earlier != null) {
                return CompletableFuture.completedFuture(new Appended(earlier, true, 0));
            }
        }
        if (next - first == ring.length) {
            evictOldest();
        }
        long sequence = next++;
        String id = ids.format(sequence);
        LoggedEvent event = new LoggedEvent(sequence, id, target, idempotencyKey, now,
                encoder.wire(id, name, json, retryMillis), coalesceKey);
        ring[index(sequence)] = event;
        if (idempotencyKey != null) {
            byKey.put(idempotencyKey, event);
        }
        return fanOut.queue(event);
    }

    @Override
    public long head() {
        return fanOut.head();
    }

    @Override
    public synchronized Range readAfter(long afterSequence, long head) {
        long from = Math.max(afterSequence + 1, first);
        long to = Math.min(head, next - 1);
        List<LoggedEvent> events = new ArrayList<>((int) Math.max(0, to - from + 1));
        for (long s = from; s <= to; s++) {
            events.add(ring[index(s)]);
        }
        boolean truncated = afterSequence + 1 < first && afterSequence < head;
        return new Range(events, truncated);
    }

    @Override
    public synchronized LoggedEvent oldest() {
        return find(first);
    }

    @Override
    public synchronized LoggedEvent find(long sequence) {
        return sequence >= first && sequence < next ? ring[index(sequence)] : null;
    }

    @Override
    public EventIds.Parsed parse(String id) {
        return ids.parse(id);
    }

    @Override
    public String idOf(long sequence) {
        return ids.format(sequence);
    }

    @Override
    public synchronized int expire() {
        return expireOlderThan(System.nanoTime());
    }

    @Override
    public synchronized int size() {
        return (int) (next - first);
    }

    private int expireOlderThan(long now) {
        long retention = this.retention.toNanos();
        int dropped = 0;
        while (first < next && now - ring[index(first)].loggedAtNanos() > retention) {
            evictOldest();
            dropped++;
        }
        return dropped;
    }

    private void evictOldest() {
        int slot = index(first);
        LoggedEvent oldest = ring[slot];
        ring[slot] = null;
        first++;
        if (oldest.idempotencyKey() != null) {
            byKey.remove(oldest.idempotencyKey(), oldest);
        }
    }

    private int index(long sequence) {
        return (int) (sequence % ring.length);
    }
}
