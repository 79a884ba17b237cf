package dev.ssenotify.bench;

import org.HdrHistogram.Histogram;

/** Percentiles of a histogram recorded in microseconds, reported in milliseconds. */
record LatencySummary(long count, double p50Ms, double p99Ms, double p999Ms, double maxMs, double meanMs) {

    static LatencySummary of(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return new LatencySummary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new LatencySummary(micros.getTotalCount(),
                ms(micros.getValueAtPercentile(50)),
                ms(micros.getValueAtPercentile(99)),
                ms(micros.getValueAtPercentile(99.9)),
                ms(micros.getMaxValue()),
                micros.getMean() / 1000.0);
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }
}
