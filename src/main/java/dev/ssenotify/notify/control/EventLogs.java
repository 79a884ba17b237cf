package dev.ssenotify.notify.control;

import dev.ssenotify.cluster.control.ClusterConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

/** Picks the event log: Redis when {@code sse.cluster.redis.uri} is set, else the embedded one. */
@ApplicationScoped
public class EventLogs {

    @Produces
    @ApplicationScoped
    EventLog eventLog(ClusterConfig cluster, Instance<InMemoryEventLog> memory, Instance<RedisEventLog> redis) {
        return cluster.enabled() ? redis.get() : memory.get();
    }
}
