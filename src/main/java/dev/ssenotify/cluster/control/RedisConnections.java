package dev.ssenotify.cluster.control;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The Redis connections of cluster mode: one shared for commands, one for the blocking read of the event
 * stream (a blocked read would hold up every command behind it), one with binary values for the rate
 * limits' buckets. Lettuce reconnects by itself; while Redis is away commands fail at once instead of
 * piling up. Its threads come from the container's {@link ManagedThreadFactory} and stop with the
 * application.
 */
@ApplicationScoped
public class RedisConnections {

    @Inject
    ClusterConfig cluster;
    @Resource
    ManagedThreadFactory threads;

    private ClientResources resources;
    private RedisClient client;
    private StatefulRedisConnection<String, String> commands;
    private StatefulRedisConnection<String, String> reader;
    private StatefulRedisConnection<String, byte[]> bytes;

    private synchronized void open() {
        if (client != null) {
            return;
        }
        resources = DefaultClientResources.builder()
                .threadFactoryProvider(pool -> threads)
                .ioThreadPoolSize(2)
                .computationThreadPoolSize(2)
                // Back within two seconds of Redis returning, not after the default's half minute.
                .reconnectDelay(Delay.exponential(Duration.ofMillis(100), Duration.ofSeconds(2), 2, TimeUnit.MILLISECONDS))
                .build();
        client = RedisClient.create(resources, RedisURI.create(cluster.redisUri()));
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(cluster.commandTimeout()))
                .build());
        commands = client.connect();
        reader = client.connect();
        // The blocking read waits longer than any command may.
        reader.setTimeout(Duration.ofSeconds(30));
        // Bucket4j stores its bucket states as bytes, which the String codec would mangle.
        bytes = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
    }

    public RedisAsyncCommands<String, String> commands() {
        open();
        return commands.async();
    }

    public RedisAsyncCommands<String, String> reader() {
        open();
        return reader.async();
    }

    /** String keys, byte[] values: for Bucket4j's buckets. */
    public StatefulRedisConnection<String, byte[]> bytes() {
        open();
        return bytes;
    }

    /** True when a PING answers within the command timeout. */
    public boolean ping() {
        try {
            return "PONG".equals(commands().ping().get(cluster.commandTimeout().toMillis(), TimeUnit.MILLISECONDS));
        } catch (Exception e) {
            return false;
        }
    }

    @PreDestroy
    synchronized void close() {
        if (client == null) {
            return;
        }
        try {
            commands.close();
            reader.close();
            bytes.close();
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        } finally {
            resources.shutdown(0, 2, TimeUnit.SECONDS);
            client = null;
        }
    }
}
