/**
 * Cluster mode: many instances behind a load balancer act as one through Redis.
 * <p>
 * With {@code sse.cluster.redis.uri} set, the event log is a Redis Stream (ids assigned by Redis, one
 * Lua call per publish whatever the number of instances), cursor moves travel on a second stream, every
 * instance reads both in order and serves its own connections; the per-user limit counts leases
 * ({@code sse.cluster.lease}) across instances; each instance publishes its stats. Config keys:
 * {@code sse.cluster.redis.uri}, {@code sse.cluster.key-prefix}, {@code sse.cluster.instance-id},
 * {@code sse.cluster.lease}, {@code sse.cluster.command-timeout}.
 */
package dev.ssenotify.cluster;
