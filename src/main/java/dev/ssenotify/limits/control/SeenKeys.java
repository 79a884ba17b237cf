package dev.ssenotify.limits.control;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keys already acted on, kept for a while: how a retried delivery (a webhook sent again by its sender hours
 * later) is recognised after the event log's own idempotency window has passed. In the heap on one instance,
 * in Redis in cluster mode, so a retry that reaches another instance is recognised too.
 */
public interface SeenKeys {

    /** Whether the key was remembered within its keep time. */
    boolean seen(String key);

    /** Remembers the key for {@code keep}. */
    void remember(String key, Duration keep);

    /** In the heap: at most {@code max} keys, the oldest forgotten first. */
    final class Local implements SeenKeys {

        private final int max;
        private final Map<String, Long> expiries = new LinkedHashMap<>();

        public Local(int max) {
            this.max = max;
        }

        @Override
        public synchronized boolean seen(String key) {
            Long expiry = expiries.get(key);
            return expiry != null && expiry > System.currentTimeMillis();
        }

        @Override
        public synchronized void remember(String key, Duration keep) {
            long now = System.currentTimeMillis();
            expiries.remove(key);
            expiries.put(key, now + keep.toMillis());
            // Insertion order is expiry order (one keep time per use): drop from the head what is over or due.
            Iterator<Map.Entry<String, Long>> oldest = expiries.entrySet().iterator();
            while (oldest.hasNext()) {
                Map.Entry<String, Long> head = oldest.next();
                if (expiries.size() <= max && head.getValue() > now) {
                    break;
                }
                oldest.remove();
            }
        }
    }
}
