package dev.ssenotify.offline.control;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the offline queues remember about queues they no longer hold: that a dropped queue lost events (so
 * its owner still gets {@code sse.gap offline-overflow} when it comes back) and which sessions have ended
 * (so nothing queues for them again). Both are bounded in entries, oldest first out, and expire with the
 * offline retention: keys come from callers, so memory must not grow with them.
 */
final class OfflineMarks {

    private record Mark(long value, long atNanos) {
    }

    private final int capacity;
    private final Map<String, Mark> lost = new LinkedHashMap<>();
    private final Map<String, Mark> ended = new LinkedHashMap<>();

    OfflineMarks(int capacity) {
        this.capacity = capacity;
    }

    /** Remembers that the queue of this key lost events up to the sequence. */
    synchronized void lost(String key, long upTo) {
        put(lost, key, upTo);
    }

    /** Takes the loss remembered for a key (0 when none); a new queue carries it from here on. */
    synchronized long takeLost(String key) {
        Mark mark = lost.remove(key);
        return mark == null ? 0 : mark.value();
    }

    /** The loss remembered for a key without a queue, 0 when none. */
    synchronized long lostUpTo(String key) {
        Mark mark = lost.get(key);
        return mark == null ? 0 : mark.value();
    }

    synchronized void ended(String key) {
        lost.remove(key);
        put(ended, key, 0);
    }

    synchronized boolean hasEnded(String key) {
        return ended.containsKey(key);
    }

    /** Forgets marks older than the retention. */
    synchronized void expire(long oldestKeptNanos) {
        expire(lost, oldestKeptNanos);
        expire(ended, oldestKeptNanos);
    }

    private void put(Map<String, Mark> marks, String key, long value) {
        marks.remove(key);
        marks.put(key, new Mark(value, System.nanoTime()));
        if (marks.size() > capacity) {
            Iterator<String> oldest = marks.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
    }

    private static void expire(Map<String, Mark> marks, long oldestKeptNanos) {
        // Insertion order is age order: stop at the first mark young enough.
        Iterator<Mark> it = marks.values().iterator();
        while (it.hasNext() && it.next().atNanos() - oldestKeptNanos < 0) {
            it.remove();
        }
    }
}
