package dev.ssenotify.cluster.control;

import dev.ssenotify.config.SseConfig;
import dev.ssenotify.notify.entity.SseTarget;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import java.util.List;

/**
 * The append of cluster mode: one Lua script checks the idempotency key and adds the entry to the events
 * stream in one step, so two instances appending with the same key at once never both add it.
 */
final class RedisAppendScript {

    private static final String APPEND = """
            if KEYS[2] ~= '' then
              local earlier = redis.call('GET', KEYS[2])
              if earlier then return {earlier, 1} end
            end
            local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*',
              'o', ARGV[3], 'k', ARGV[4], 't', ARGV[5], 'n', ARGV[6], 'd', ARGV[7], 'r', ARGV[8], 'c', ARGV[9])
            if KEYS[2] ~= '' then redis.call('SET', KEYS[2], id, 'PX', ARGV[2]) end
            return {id, 0}
            """;

    /** What the script answered: the entry's id (the earlier one's for a seen key) and whether it was seen. */
    record Reply(String id, boolean duplicate) {
        static Reply of(List<Object> reply) {
            return new Reply((String) reply.get(0), ((Long) reply.get(1)) == 1L);
        }
    }

    private final ClusterConfig cluster;
    private final SseConfig config;
    private final RedisConnections redis;
    private final String stream;

    RedisAppendScript(ClusterConfig cluster, SseConfig config, RedisConnections redis, String stream) {
        this.cluster = cluster;
        this.config = config;
        this.redis = redis;
        this.stream = stream;
    }

    /** Runs the script; the entry carries this instance's id, so its own read knows the event as its own. */
    RedisFuture<List<Object>> run(SseTarget target, String idempotencyKey, String name, String json,
                                  Long retryMillis, String coalesceKey) {
        String keyKey = idempotencyKey == null ? "" : cluster.key("idem:" + Integer.toHexString(idempotencyKey.hashCode())
                + ":" + idempotencyKey.length() + ":" + sanitize(idempotencyKey));
        String[] keys = {stream, keyKey};
        String[] args = {
            String.valueOf(config.replayMaxEvents()),
            String.valueOf(config.replayRetention().toMillis()),
            cluster.instanceId(),
            target.kind(),
            target.targetId(),
            name,
            json,
            retryMillis == null ? "" : String.valueOf(retryMillis),
            coalesceKey == null ? "" : coalesceKey};
        return redis.commands().<List<Object>>eval(APPEND, ScriptOutputType.MULTI, keys, args);
    }

    // Keys stay readable; the hash and length keep distinct keys apart.
    private static String sanitize(String key) {
        return key.replaceAll("[^A-Za-z0-9._:-]", "_");
    }
}
