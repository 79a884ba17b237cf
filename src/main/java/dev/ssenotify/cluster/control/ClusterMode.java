package dev.ssenotify.cluster.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

/**
 * Picks, once, what differs between one instance and a cluster ({@code sse.cluster.redis.uri} set): the user
 * leases and the view of the other instances. The classes that use them never ask which mode they run in.
 */
@ApplicationScoped
public class ClusterMode {

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
}
