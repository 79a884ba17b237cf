package dev.ssenotify.telemetry.control;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One counter per constant of a reason enum, all under one metric name with a {@code reason} tag whose value
 * is the constant's label. The counters are both the metric and the stats' numbers.
 */
final class ReasonCounters<R extends Enum<R>> {

    private final Map<R, Count> counters;
    private final Function<R, String> label;

    /**
     * Registers {@code name{reason=<label>}} for each constant {@code counted} accepts, in declaration order.
     *
     * @param registry makes (or finds) the counter of a name and a tag
     */
    ReasonCounters(String name, Class<R> type, Function<R, String> label, Predicate<R> counted,
                   Meters registry) {
        this.counters = new EnumMap<>(type);
        this.label = label;
        for (R reason : type.getEnumConstants()) {
            if (counted.test(reason)) {
                counters.put(reason, registry.counter(name, "reason", label.apply(reason)));
            }
        }
    }

    /** Counts one for {@code reason}; a reason without a counter of its own is not counted here. */
    void inc(R reason) {
        Count counter = counters.get(reason);
        if (counter != null) {
            counter.inc();
        }
    }

    /** Every counted reason's label and count, in declaration order, zeros included. */
    Map<String, Long> byLabel() {
        Map<String, Long> out = new LinkedHashMap<>();
        counters.forEach((reason, counter) -> out.put(label.apply(reason), counter.count()));
        return out;
    }
}
