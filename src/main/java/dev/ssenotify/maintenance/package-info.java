/**
 * Upkeep on EJB timers: heartbeats in slices over {@code sse.heartbeat.interval}, the sweep every
 * {@code sse.cleanup.interval} (expired log entries and offline queues, refilled rate buckets, probes of
 * idle streams) and write deadlines. A departed client is noticed only when a write to it fails, so the
 * upkeep works by writing. Config keys: {@code sse.heartbeat.interval}, {@code sse.cleanup.interval}.
 */
package dev.ssenotify.maintenance;
