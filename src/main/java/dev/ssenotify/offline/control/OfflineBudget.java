package dev.ssenotify.offline.control;

import java.util.Map;

/**
 * The bounds across all offline queues: bytes ({@code sse.offline.max-bytes}: the oldest queued event
 * anywhere goes first) and queues ({@code sse.offline.max-queues}: the queue holding the oldest event
 * goes), plus what must outlive a dropped queue (its loss, so its owner still gets {@code sse.gap
 * offline-overflow}) and the sessions that ended. It acts on the queues {@link Inboxes} owns.
 */
final class OfflineBudget {

    private final OfflineLedger ledger = new OfflineLedger();
    private final OfflineMarks marks;
    private final long maxBytes;
    private final int maxQueues;

    OfflineBudget(long maxBytes, int maxQueues) {
        this.maxBytes = maxBytes;
        this.maxQueues = maxQueues;
        this.marks = new OfflineMarks(maxQueues);
    }

    /** A new queue for the key, counted in the totals, carrying any loss remembered for it. */
    Inbox newInbox(String key) {
        return new Inbox(key, ledger, marks.takeLost(key));
    }

    /** Before a new queue: drops whole queues, oldest event first, until there is room; returns events lost. */
    int makeRoomForQueue(Map<String, Inbox> inboxes) {
        int dropped = 0;
        while (inboxes.size() >= maxQueues) {
            Map.Entry<Long, String> oldest = ledger.oldest();
            // With no event queued anywhere, any queue (it only holds waits) goes.
            String victim = oldest != null ? oldest.getValue() : inboxes.keySet().stream().findFirst().orElse(null);
            Inbox removed = victim == null ? null : inboxes.remove(victim);
            if (removed == null) {
                break;
            }
            int before = ledger.events();
            removed.dropAll("sse.offline.max-queues").forEach(Runnable::run);
            dropped += before - ledger.events();
            if (removed.lostUpTo() > 0) {
                marks.lost(victim, removed.lostUpTo());
            }
        }
        return dropped;
    }

    /** After an event was queued: drops the oldest events anywhere until the bytes fit; returns how many. */
    int keepWithinBytes(Map<String, Inbox> inboxes) {
        int dropped = 0;
        while (ledger.bytes() > maxBytes) {
            Map.Entry<Long, String> oldest = ledger.oldest();
            if (oldest == null) {
                break;
            }
            Inbox inbox = inboxes.get(oldest.getValue());
            if (inbox == null || !inbox.dropOldest(oldest.getKey())) {
                ledger.forget(oldest.getKey());
            }
            dropped++;
        }
        return dropped;
    }

    /** Deletes the queue of an ended session; nothing queues for it again. */
    void end(String key, Map<String, Inbox> inboxes) {
        marks.ended(key);
        Inbox inbox = inboxes.remove(key);
        if (inbox != null) {
            inbox.dropAll("its session ended").forEach(Runnable::run);
        }
    }

    boolean hasEnded(String key) {
        return marks.hasEnded(key);
    }

    /** The loss remembered for a key that has no queue now, 0 when none. */
    long lostWithoutQueue(String key) {
        return marks.lostUpTo(key);
    }

    void expire(long oldestKeptNanos) {
        marks.expire(oldestKeptNanos);
    }

    long bytes() {
        return ledger.bytes();
    }

    int events() {
        return ledger.events();
    }
}
