package dev.ssenotify.telemetry.control;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.inject.Instance;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * Micrometer (WildFly's micrometer subsystem): the server's registry, whose Prometheus names match the
 * MicroProfile ones ({@code sse_events_published_total}, {@code sse_dispatch_seconds}). Loaded only when its
 * API is on the class path ({@link MeterRegistries}).
 *
 * <p>Only the registry's by-name methods are used ({@code counter}, {@code gauge}, {@code timer} with a name
 * and tags). The registry WildFly injects (its {@code ApplicationRegistry}, WildFly 39) is a
 * {@code SimpleMeterRegistry} of its own that passes exactly those on to the server's Prometheus registry;
 * a meter built with {@code Gauge.builder(..).register(registry)} or {@code Timer.builder(..).register(..)}
 * stays in that private registry, never exported, and the timer's builder also logs WFLYMMTREXT0015
 * ("MeterRegistry.Config is not supported"). So the dispatch timer has no latency buckets here: WildFly exports
 * its {@code _count}, {@code _sum} and {@code _max}.
 */
final class MicrometerMeters implements Meters {

    // Typed as Iterable: micrometer-core 1.16 adds overloads taking Tags, absent from the 1.15 WildFly 39
    // ships (NoSuchMethodError at deployment); the Iterable ones exist in both.
    private static final Iterable<Tag> NO_TAGS = Tags.empty();

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
        Timer timer = registry.timer(name, NO_TAGS);
        return nanos -> timer.record(nanos, TimeUnit.NANOSECONDS);
    }

    /**
     * The registry holds the owner weakly (a by-name gauge cannot ask for a strong reference); every owner is
     * an application-scoped bean the application holds for its whole life, so the gauge never reads NaN.
     */
    @Override
    public <T> void gauge(String name, T owner, Function<T, ? extends Number> reading) {
        registry.gauge(name, NO_TAGS, owner, o -> reading.apply(o).doubleValue());
    }
}
