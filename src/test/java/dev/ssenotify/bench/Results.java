package dev.ssenotify.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a run measured and what went wrong; scenarios add to it, {@link ResultsJson} writes it. */
final class Results {

    /** One point of a per-round series, for the chart. */
    record Point(int round, double p50Ms, double p99Ms, double maxMs, double lastStreamMs) {
    }

    private final String target;
    private final List<Metric> metrics = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private final Map<String, List<Point>> series = new LinkedHashMap<>();

    Results(String target) {
        this.target = target;
    }

    String target() {
        return target;
    }

    synchronized void add(String scenario, String name, String unit, double value) {
        metrics.add(new Metric(scenario, name, unit, value));
        System.out.printf("bench: %s %s %s: %.3f %s%n", target, scenario, name, value, unit);
    }

    synchronized void fail(String scenario, String message) {
        failures.add(scenario + ": " + message);
        System.err.println("bench: FAILURE " + target + " " + scenario + ": " + message);
    }

    synchronized void series(String name, List<Point> points) {
        series.put(name, List.copyOf(points));
    }

    synchronized List<Metric> metrics() {
        return List.copyOf(metrics);
    }

    synchronized List<String> failures() {
        return List.copyOf(failures);
    }

    synchronized Map<String, List<Point>> series() {
        return new LinkedHashMap<>(series);
    }
}
