package dev.ssenotify.cluster.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.util.Optional;

/** The instances sharing this one's Redis: their stats from {@link Presence}, the store's health by a PING. */
@ApplicationScoped
@Typed(RedisPeers.class)
public class RedisPeers implements Peers {

    @Inject
    ClusterConfig cluster;
    @Inject
    Presence presence;
    @Inject
    RedisConnections redis;

    @Override
    public Optional<View> view() {
        return Optional.of(new View(cluster.instanceId(), presence.instanceStats()));
    }

    @Override
    public Optional<Boolean> storeUp() {
        return Optional.of(redis.ping());
    }
}
