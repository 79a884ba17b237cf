package dev.ssenotify.offline.control;

import dev.ssenotify.log.control.LoggedEvent;

import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The totals across every offline queue: the bytes they pin and which queue holds the oldest event, so
 * that past {@code sse.offline.max-bytes} the oldest event anywhere goes first, whoever it belongs to.
 * An event is in at most one queue (its user's or its session's), so its sequence names it.
 */
final class OfflineLedger implements Inbox.Ledger {

    /**
     * What an event costs beyond its bytes on the wire: its log entry, frame and index node. Counted so
     * that a flood of tiny events is bounded too, not only a few large ones.
     */
    static final int EVENT_OVERHEAD_BYTES = 256;

    private record Entry(String inboxKey, long cost) {
    }

    private final ConcurrentSkipListMap<Long, Entry> bySequence = new ConcurrentSkipListMap<>();
    private final AtomicLong bytes = new AtomicLong();

    static long cost(LoggedEvent event) {
        return (event.frame() == null ? 0 : event.frame().size()) + (long) EVENT_OVERHEAD_BYTES;
    }

    @Override
    public void added(String inboxKey, LoggedEvent event) {
        long cost = cost(event);
        if (bySequence.putIfAbsent(event.sequence(), new Entry(inboxKey, cost)) == null) {
            bytes.addAndGet(cost);
        }
    }

    @Override
    public void removed(LoggedEvent event) {
        forget(event.sequence());
    }

    /** Forgets one event's share; also for an entry whose queue is gone. */
    void forget(long sequence) {
        Entry entry = bySequence.remove(sequence);
        if (entry != null) {
            bytes.addAndGet(-entry.cost());
        }
    }

    long bytes() {
        return bytes.get();
    }

    int events() {
        return bySequence.size();
    }

    /** The oldest queued event's sequence and the key of the queue holding it, or null when none is queued. */
    Map.Entry<Long, String> oldest() {
        Map.Entry<Long, Entry> first = bySequence.firstEntry();
        return first == null ? null : Map.entry(first.getKey(), first.getValue().inboxKey());
    }
}
