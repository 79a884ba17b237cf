/**
 * Counters and timers behind the stats endpoint and the {@code sse_*} metrics (MicroProfile Metrics). The
 * gauges read state other packages own; {@link dev.ssenotify.notify.control.StatsView} registers them.
 */
package dev.ssenotify.telemetry;
