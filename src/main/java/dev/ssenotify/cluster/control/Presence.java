package dev.ssenotify.cluster.control;

import dev.ssenotify.stream.control.UserLeases;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the cluster knows of each instance: whether it is alive (a key it renews every second), the
 * connections each user holds anywhere (as leases, which stop counting when their instance is no longer
 * alive, or at the latest after {@code sse.cluster.lease}) and each instance's stats.
 */
@ApplicationScoped
@Typed(Presence.class)
public class Presence implements UserLeases {

    private static final Logger LOG = Logger.getLogger("dev.ssenotify.cluster");
    // Members are <instance>:<lease>, the lease being <clientId> or <clientId>/<clientKey>. Those of an instance
    // whose alive key has expired (it crashed) go first, then one with the same key (the client moved here).
    private static final String RESERVE = """
            redis.call('PSETEX', ARGV[6] .. ARGV[8], ARGV[7], '1')
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
            for _, member in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
              local instance = string.match(member, '^(.*):[^:]*$')
              local key = string.match(member, '/([^/]*)$')
              if (instance and redis.call('EXISTS', ARGV[6] .. instance) == 0) or (ARGV[9] ~= '' and key == ARGV[9]) then
                redis.call('ZREM', KEYS[1], member)
              end
            end
            if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then return 0 end
            redis.call('ZADD', KEYS[1], ARGV[2], ARGV[4])
            redis.call('PEXPIRE', KEYS[1], ARGV[5])
            return 1
            """;

    @Inject
    ClusterConfig cluster;
    @Inject
    RedisConnections redis;

    /**
     * Counts the connection against the user's limit across the cluster; false when the user is at it.
     * When Redis cannot answer, the local limit alone decides: streams keep working through an outage.
     */
    @Override
    public boolean reserve(String userId, String clientId, String clientKey, int maxPerUser) {
        long now = System.currentTimeMillis();
        long lease = cluster.lease().toMillis();
        try {
            Long reserved = redis.commands().<Long>eval(RESERVE, ScriptOutputType.INTEGER,
                    new String[]{userKey(userId)},
                    String.valueOf(now), String.valueOf(now + lease), String.valueOf(maxPerUser),
                    member(UserLeases.lease(clientId, clientKey)), String.valueOf(lease * 2),
                    cluster.key("alive:"), String.valueOf(aliveMillis()), cluster.instanceId(),
                    clientKey == null ? "" : clientKey)
                    .get(cluster.commandTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return reserved != null && reserved == 1L;
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Cluster connection limit unavailable, checking locally only: {0}", e.toString());
            return true;
        }
    }

    @Override
    public void release(String userId, String clientId, String clientKey) {
        redis.commands().zrem(userKey(userId), member(UserLeases.lease(clientId, clientKey)));
    }

    /** Renews the leases of this instance's connections ({@link UserLeases#lease} names), user by user, in one pipeline. */
    public void renew(Map<String, List<String>> leasesByUser) {
        long expiry = System.currentTimeMillis() + cluster.lease().toMillis();
        RedisAsyncCommands<String, String> commands = redis.commands();
        List<RedisFuture<?>> sent = new ArrayList<>();
        leasesByUser.forEach((user, leases) -> {
            for (String lease : leases) {
                sent.add(commands.zadd(userKey(user), expiry, member(lease)));
            }
            sent.add(commands.pexpire(userKey(user), cluster.lease().toMillis() * 2));
        });
        awaitAll(sent);
    }

    /** Says this instance is alive, for {@link ClusterConfig#aliveFor} from now. */
    public void alive() {
        awaitAll(List.of(redis.commands().psetex(cluster.key("alive:" + cluster.instanceId()), aliveMillis(), "1")));
    }

    private long aliveMillis() {
        return cluster.aliveFor().toMillis();
    }

    /** Publishes this instance's stats for the others to read, for two leases. */
    public void publishStats(String json) {
        RedisAsyncCommands<String, String> commands = redis.commands();
        awaitAll(List.of(
                commands.psetex(cluster.key("stats:" + cluster.instanceId()), cluster.lease().toMillis() * 2, json),
                commands.sadd(cluster.key("instances"), cluster.instanceId())));
    }

    /** Every live instance's last published stats (JSON), by instance id. */
    public Map<String, String> instanceStats() {
        Map<String, String> out = new LinkedHashMap<>();
        try {
            RedisAsyncCommands<String, String> commands = redis.commands();
            long timeout = cluster.commandTimeout().toMillis();
            Set<String> instances = commands.smembers(cluster.key("instances")).get(timeout, TimeUnit.MILLISECONDS);
            for (String instance : instances) {
                String json = commands.get(cluster.key("stats:" + instance)).get(timeout, TimeUnit.MILLISECONDS);
                if (json == null) {
                    commands.srem(cluster.key("instances"), instance);
                } else {
                    out.put(instance, json);
                }
            }
        } catch (Exception e) {
            LOG.log(Level.FINE, "Cluster stats unavailable", e);
        }
        return out;
    }

    private void awaitAll(List<RedisFuture<?>> sent) {
        for (RedisFuture<?> future : sent) {
            try {
                future.get(cluster.commandTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                LOG.log(Level.FINE, "Cluster presence update failed", e);
                return;
            }
        }
    }

    private String userKey(String userId) {
        return cluster.key("user-conns:" + userId);
    }

    private String member(String lease) {
        return cluster.instanceId() + ":" + lease;
    }
}
