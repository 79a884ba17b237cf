package dev.ssenotify.cluster.control;

import dev.ssenotify.limits.control.BucketStore;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Buckets in Redis, so every instance of a cluster draws from the same one: Bucket4j's compare-and-swap
 * proxy over Lettuce (no script to load; a lost race is retried). Each key expires a little after its
 * bucket would be full again, so Redis keeps only the buckets in use and {@link #sweep()} has nothing to do.
 * <p>
 * Refills are computed from the clock of whichever instance touches a bucket: instances need clocks in step
 * (NTP), as they do for leases. The Redis connection is only asked for on first use, never at startup.
 */
public final class RedisBucketStore implements BucketStore {

    // How long a full bucket is kept: a margin for clocks a little apart, not a feature.
    private static final Duration KEEP_WHEN_FULL = Duration.ofSeconds(10);

    private final Supplier<RedisAsyncCommands<String, byte[]>> commands;
    private final String keyPrefix;
    private final Duration timeout;
    private final TimeMeter clock;
    private volatile ProxyManager<String> proxies;

    /**
     * @param commands  a connection with String keys and byte[] values, asked for on first use
     * @param keyPrefix put before {@code namespace:id}, e.g. {@code sse-notify:rate:}
     * @param timeout   how long one bucket operation may wait for Redis before it fails
     */
    public RedisBucketStore(Supplier<RedisAsyncCommands<String, byte[]>> commands, String keyPrefix, Duration timeout) {
        this(commands, keyPrefix, timeout, TimeMeter.SYSTEM_MILLISECONDS);
    }

    /** @param clock shared time: wall-clock based, the same on every instance */
    public RedisBucketStore(Supplier<RedisAsyncCommands<String, byte[]>> commands, String keyPrefix, Duration timeout,
            TimeMeter clock) {
        this.commands = commands;
        this.keyPrefix = keyPrefix;
        this.timeout = timeout;
        this.clock = clock;
    }

    @Override
    public Bucket bucket(String namespace, String id, Supplier<BucketConfiguration> configuration) {
        return proxies().builder().build(keyPrefix + BucketStore.key(namespace, id), configuration);
    }

    private ProxyManager<String> proxies() {
        ProxyManager<String> current = proxies;
        if (current == null) {
            synchronized (this) {
                if (proxies == null) {
                    proxies = Bucket4jLettuce.casBasedBuilder(commands.get())
                            .expirationAfterWrite(
                                    ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_WHEN_FULL))
                            .requestTimeout(timeout)
                            .clientClock(clock)
                            .build();
                }
                current = proxies;
            }
        }
        return current;
    }

    /** Nothing: Redis expires refilled buckets by itself. */
    @Override
    public void sweep() {
    }
}
