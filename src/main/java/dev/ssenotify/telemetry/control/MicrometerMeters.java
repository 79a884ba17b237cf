package dev.ssenotify.telemetry.control;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/**
 * Micrometer (WildFly's micrometer subsystem): the server's registry, whose Prometheus names match the
 * MicroProfile ones ({@code sse_events_published_total}, {@code sse_dispatch_seconds}). Loaded only when its
 * API is on the class path ({@link MeterRegistries}).
 */
final class MicrometerMeters implements Meters {

    private static final Duration[] BUCKETS = Stream.of(1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000)
            .map(Duration::ofMillis).toArray(Duration[]::new);

    private final MeterRegistry registry;

    private MicrometerMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The server's registry, or null when it offers none to the application. */
    static Meters from(Instance<Object> lookup) {
        Instance<MeterRegistry> registry = lookup.select(MeterRegistry.class);
        return registry.isResolvable() ? new MicrometerMeters(registry.get()) : null;
    }

    @Override
    public Count counter(String name, String tag, String value) {
        Counter counter = tag == null ? registry.counter(name) : registry.counter(name, tag, value);
        return new Count() {
            @Override
            public void inc(long n) {
                counter.increment(n);
            }

            @Override
            public long count() {
                return (long) counter.count();
            }
        };
    }

    @Override
    public LongConsumer timer(String name) {
        // The same buckets as META-INF/microprofile-config.properties gives the MicroProfile timer.
        Timer timer = Timer.builder(name).serviceLevelObjectives(BUCKETS).register(registry);
        return nanos -> timer.record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public <T> void gauge(String name, T owner, Function<T, ? extends Number> reading) {
        Gauge.builder(name, owner, o -> reading.apply(o).doubleValue()).strongReference(true).register(registry);
    }
}
