package dev.ssenotify.cluster.control;

import dev.ssenotify.limits.control.BucketStore;
import dev.ssenotify.limits.control.SeenKeys;
import dev.ssenotify.limits.control.LocalBucketStore;
import dev.ssenotify.log.control.CursorMoves;
import dev.ssenotify.log.control.EventLog;
import dev.ssenotify.log.control.InMemoryEventLog;
import dev.ssenotify.stream.control.UserLeases;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

/**
 * Picks, once, what differs between one instance and a cluster ({@code sse.cluster.redis.uri} set): the event
 * log, where offline cursor moves go, the user leases, the view of the other instances and where rate-limit
 * buckets live. Each is an interface the embedded mode implements too, so the classes that use them never ask
 * which mode they run in; this is the only place that does (with {@code ClusterTimer}, which has nothing to
 * do on one instance).
 */
@ApplicationScoped
public class ClusterMode {

    @Produces
    @ApplicationScoped
    EventLog eventLog(ClusterConfig cluster, Instance<InMemoryEventLog> memory, Instance<RedisEventLog> redis) {
        return cluster.enabled() ? redis.get() : memory.get();
    }

    @Produces
    @ApplicationScoped
    CursorMoves cursorMoves(ClusterConfig cluster, Instance<RedisEventLog> redis) {
        return cluster.enabled() ? redis.get() : new CursorMoves.Local();
    }

    @Produces
    @ApplicationScoped
    UserLeases leases(ClusterConfig cluster, Instance<Presence> presence) {
        return cluster.enabled() ? presence.get() : UserLeases.NONE;
    }

    @Produces
    @ApplicationScoped
    Peers peers(ClusterConfig cluster, Instance<RedisPeers> redis) {
        return cluster.enabled() ? redis.get() : Peers.NONE;
    }

    /**
     * Nothing is opened here (this may be first used inside a startup observer, where connecting can
     * deadlock): the Redis store asks for its connection on first use.
     */
    @Produces
    @ApplicationScoped
    BucketStore buckets(ClusterConfig cluster, Instance<RedisConnections> redis) {
        return cluster.enabled()
                ? new RedisBucketStore(() -> redis.get().bytes().async(), cluster.key("rate:"), cluster.commandTimeout())
                : new LocalBucketStore();
    }

    /** Remembered delivery ids (webhooks): in Redis when clustered, so a retry reaching another instance is known. */
    @Produces
    @ApplicationScoped
    SeenKeys seenKeys(ClusterConfig cluster, Instance<RedisConnections> redis) {
        return cluster.enabled()
                ? new RedisSeenKeys(() -> redis.get().commands(), cluster.key("seen:"), cluster.commandTimeout())
                : new SeenKeys.Local(100_000);
    }
}
