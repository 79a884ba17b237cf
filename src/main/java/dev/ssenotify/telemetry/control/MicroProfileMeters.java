package dev.ssenotify.telemetry.control;

import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.LongConsumer;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * MicroProfile Metrics (Payara, Open Liberty): counts live in the registry's own counters, since MicroProfile
 * Metrics 5.1 exports as a counter only what its {@code counter(...)} made. Loaded only when its API is on
 * the class path ({@link MeterRegistries}).
 */
final class MicroProfileMeters implements Meters {

    private final MetricRegistry registry;

    private MicroProfileMeters(MetricRegistry registry) {
        this.registry = registry;
    }

    /** The application registry, or null when the server has none. */
    static Meters from(Instance<Object> lookup) {
        Instance<MetricRegistry> registry = lookup.select(MetricRegistry.class);
        return registry.isResolvable() ? new MicroProfileMeters(registry.get()) : null;
    }

    @Override
    public Count counter(String name, String tag, String value) {
        Counter counter = tag == null ? registry.counter(name) : registry.counter(name, new Tag(tag, value));
        return new Count() {
            @Override
            public void inc(long n) {
                counter.inc(n);
            }

            @Override
            public long count() {
                return counter.getCount();
            }
        };
    }

    @Override
    public LongConsumer timer(String name) {
        Timer timer = registry.timer(Metadata.builder().withName(name).withUnit(MetricUnits.NANOSECONDS).build());
        return nanos -> timer.update(Duration.ofNanos(nanos));
    }

    @Override
    public <T> void gauge(String name, T owner, Function<T, ? extends Number> reading) {
        registry.gauge(name, owner, reading);
    }
}
