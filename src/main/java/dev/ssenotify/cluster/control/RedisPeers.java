package dev.ssenotify.cluster.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The instances sharing this one's Redis: their stats from {@link Presence}; the store's health by a PING and
 * by the shared streams' read having caught up.
 */
@ApplicationScoped
@Typed(RedisPeers.class)
public class RedisPeers implements Peers {

    @Inject
    ClusterConfig cluster;
    @Inject
    Presence presence;
    @Inject
    RedisConnections redis;
    @Inject
    RedisEventLog log;

    @Override
    public Optional<View> view() {
        return Optional.of(new View(cluster.instanceId(), presence.instanceStats()));
    }

    @Override
    public Optional<Boolean> storeUp() {
        // Not ready until connected and caught up with the shared streams (an instance that just started
        // rebuilds its offline queues from them), nor while Redis does not answer.
        return Optional.of(redis.ping() && log.caughtUp());
    }
}
