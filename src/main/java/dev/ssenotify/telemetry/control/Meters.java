package dev.ssenotify.telemetry.control;

import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * Where counters, the dispatch timer and gauges are made: the seam between the telemetry and whatever
 * metrics registry the server offers ({@link MeterRegistries} picks one). Names are dotted
 * ({@code sse.events.published}); each registry turns them into its Prometheus names ({@code sse_events_published_total}).
 */
public interface Meters {

    /** The counter of this name, with one tag when {@code tag} is not null, made on first use. */
    Count counter(String name, String tag, String value);

    default Count counter(String name) {
        return counter(name, null, null);
    }

    /** Records durations, in nanoseconds, exported in seconds. */
    LongConsumer timer(String name);

    /** A gauge on state another bean owns, read when the metrics are. */
    <T> void gauge(String name, T owner, Function<T, ? extends Number> reading);
}
