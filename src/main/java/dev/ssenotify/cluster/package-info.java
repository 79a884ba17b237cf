/**
 * Cluster mode: many instances behind a load balancer act as one through Redis. Every Redis class lives here.
 * <p>
 * With {@code sse.cluster.redis.uri} set, {@code ClusterMode} picks the Redis implementations of the
 * interfaces the embedded mode implements too: the event log is a Redis Stream ({@code RedisEventLog}: ids
 * assigned by Redis, one Lua call per publish whatever the number of instances), cursor moves travel on a
 * second stream, every instance reads both in order and serves its own connections; the per-user limit counts
 * leases ({@code Presence}, {@code sse.cluster.lease}) across instances; rate-limit buckets are shared
 * ({@code RedisBucketStore}); each instance publishes its stats ({@code ClusterTimer}) and reads the others'
 * ({@code Peers}). Nothing outside this package asks which mode it runs in. Config keys:
 * {@code sse.cluster.redis.uri}, {@code sse.cluster.key-prefix}, {@code sse.cluster.instance-id},
 * {@code sse.cluster.lease}, {@code sse.cluster.command-timeout}.
 */
package dev.ssenotify.cluster;
