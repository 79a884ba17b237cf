package dev.ssenotify.cluster.control;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
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
import java.util.ArrayList;
import java.util.List;
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

    private static final long RETRY_EVERY_NANOS = 1_000_000_000L;

    private ClientResources resources;
    private RedisClient client;
    // Set once all three connect; Lettuce reconnects them by itself after that.
    private volatile Links links;
    private long lastFailureNanos;
    private boolean closed;

    private record Links(StatefulRedisConnection<String, String> commands,
                         StatefulRedisConnection<String, String> reader,
                         StatefulRedisConnection<String, byte[]> bytes) {
    }

    private Links links() {
        Links current = links;
        return current != null ? current : connect();
    }

    /**
     * Connects on first use, on whichever thread needs Redis first, never during the application's start
     * (see {@link RedisStreamReader#start()}). While Redis cannot be reached, one attempt a second: callers
     * in between fail at once instead of queueing on the lock behind a connect timeout.
     */
    private synchronized Links connect() {
        if (links != null) {
            return links;
        }
        if (closed) {
            throw new RedisConnectionException("The Redis connections are closed");
        }
        if (lastFailureNanos != 0 && System.nanoTime() - lastFailureNanos < RETRY_EVERY_NANOS) {
            throw new RedisConnectionException("Redis at sse.cluster.redis.uri is not reachable; retrying");
        }
        if (client == null) {
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
                    .socketOptions(SocketOptions.builder().connectTimeout(cluster.commandTimeout()).build())
                    .timeoutOptions(TimeoutOptions.enabled(cluster.commandTimeout()))
                    .build());
        }
        List<StatefulRedisConnection<?, ?>> opened = new ArrayList<>();
        try {
            StatefulRedisConnection<String, String> commands = keep(opened, client.connect());
            StatefulRedisConnection<String, String> reader = keep(opened, client.connect());
            // Bucket4j stores its bucket states as bytes, which the String codec would mangle.
            StatefulRedisConnection<String, byte[]> bytes = keep(opened,
                    client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE)));
            links = new Links(commands, reader, bytes);
            lastFailureNanos = 0;
            return links;
        } catch (RuntimeException e) {
            opened.forEach(StatefulRedisConnection::close);
            lastFailureNanos = System.nanoTime();
            throw e;
        }
    }

    private static <C extends StatefulRedisConnection<?, ?>> C keep(List<StatefulRedisConnection<?, ?>> opened, C connection) {
        opened.add(connection);
        return connection;
    }

    public RedisAsyncCommands<String, String> commands() {
        return links().commands().async();
    }

    public RedisAsyncCommands<String, String> reader() {
        return links().reader().async();
    }

    /** String keys, byte[] values: for Bucket4j's buckets. */
    public StatefulRedisConnection<String, byte[]> bytes() {
        return links().bytes();
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
        closed = true;
        if (client == null) {
            return;
        }
        try {
            if (links != null) {
                links.commands().close();
                links.reader().close();
                links.bytes().close();
            }
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        } finally {
            resources.shutdown(0, 2, TimeUnit.SECONDS);
            client = null;
            links = null;
        }
    }
}
