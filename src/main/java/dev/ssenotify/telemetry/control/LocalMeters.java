package dev.ssenotify.telemetry.control;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * Counters in this heap, exported nowhere: for a server without a metrics registry (and for unit tests). The
 * stats endpoint still counts; gauges and the timer are dropped.
 */
public final class LocalMeters implements Meters {

    private final Map<String, Count> counters = new ConcurrentHashMap<>();

    @Override
    public Count counter(String name, String tag, String value) {
        return counters.computeIfAbsent(tag == null ? name : name + "{" + tag + "=" + value + "}", key -> new Local());
    }

    @Override
    public LongConsumer timer(String name) {
        return nanos -> { };
    }

    @Override
    public <T> void gauge(String name, T owner, Function<T, ? extends Number> reading) {
        // nothing reads gauges here
    }

    /** Every counter made so far, as {@code name} or {@code name{tag=value}}: what a registry would export. */
    public Map<String, Long> counts() {
        Map<String, Long> out = new java.util.TreeMap<>();
        counters.forEach((key, count) -> out.put(key, count.count()));
        return out;
    }

    private static final class Local implements Count {
        private final LongAdder adder = new LongAdder();

        @Override
        public void inc(long n) {
            adder.add(n);
        }

        @Override
        public long count() {
            return adder.sum();
        }
    }
}
