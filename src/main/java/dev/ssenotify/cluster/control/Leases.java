package dev.ssenotify.cluster.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

/** Picks the user leases: Redis when {@code sse.cluster.redis.uri} is set, else none. */
@ApplicationScoped
public class Leases {

    @Produces
    @ApplicationScoped
    UserLeases leases(ClusterConfig cluster, Instance<Presence> presence) {
        return cluster.enabled() ? presence.get() : UserLeases.NONE;
    }
}
