package dev.ssenotify.bench;

/** One figure of a scenario, e.g. ("fanout", "p99 publish to receive, N=10000", "ms", 12.5). */
record Metric(String scenario, String name, String unit, double value) {

    String key() {
        return scenario + "|" + name + "|" + unit;
    }
}
