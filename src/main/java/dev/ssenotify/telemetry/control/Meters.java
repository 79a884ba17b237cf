package dev.ssenotify.telemetry.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Function;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * Where counters, timers and gauges are made: the one class that talks to the MicroProfile Metrics
 * registry, so the one to replace on a server without it. Names become {@code sse_*} in Prometheus.
 */
@ApplicationScoped
public class Meters {

    @Inject
    MetricRegistry metrics;

    /** The counter of this name and tags, made on first use and the same one after. */
    Counter counter(String name, Tag... tags) {
        return metrics.counter(name, tags);
    }

    Timer timer(String name) {
        return metrics.timer(name);
    }

    <T> void gauge(String name, T owner, Function<T, ? extends Number> reading) {
        metrics.gauge(name, owner, reading);
    }
}
