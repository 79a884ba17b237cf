package dev.ssenotify.notify.control;

import dev.ssenotify.cluster.control.ClusterConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

/**
 * Picks the event log and where offline cursor moves go: Redis when {@code sse.cluster.redis.uri} is set,
 * else the embedded log and moves applied at once.
 */
@ApplicationScoped
public class EventLogs {

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
}
