package dev.ssenotify.cluster.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssenotify.limits.control.Rate;
import dev.ssenotify.limits.control.RateLimits;
import dev.ssenotify.limits.control.TestClock;
import dev.ssenotify.limits.entity.RateLimitedException;
import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Bucket4j's Lettuce proxy against a stand-in for Redis that implements Lettuce 7's
 * {@code RedisAsyncCommands}: Bucket4j 8.14 was built against Lettuce 6, so these calls also prove that
 * its calls link against Lettuce 7.
 */
class RedisBucketStoreTest {

    private static final Supplier<BucketConfiguration> FIVE_A_MINUTE = () -> BucketConfiguration.builder()
            .addLimit(new Rate(5, Duration.ofMinutes(1)).toBandwidth()).build();

    private final TestClock clock = new TestClock();
    private final FakeRedis redis = new FakeRedis();

    private RedisBucketStore store() {
        return new RedisBucketStore(redis::commands, "sse-notify:rate:", Duration.ofSeconds(2), clock);
    }

    @Test
    void twoInstancesDrawFromOneBucket() {
        RedisBucketStore one = store();
        RedisBucketStore two = store();
        assertTrue(one.bucket("publish", "alice", FIVE_A_MINUTE).tryConsume(3));
        assertTrue(two.bucket("publish", "alice", FIVE_A_MINUTE).tryConsume(2));
        assertFalse(one.bucket("publish", "alice", FIVE_A_MINUTE).tryConsume(1));
        assertFalse(two.bucket("publish", "alice", FIVE_A_MINUTE).tryConsume(1));
        assertTrue(two.bucket("publish", "bob", FIVE_A_MINUTE).tryConsume(1));
        clock.advance(Duration.ofSeconds(12));
        assertTrue(one.bucket("publish", "alice", FIVE_A_MINUTE).tryConsume(1), "refilled by one after 12 s");
    }

    @Test
    void keysArePrefixedAndExpireOnceRefilled() {
        store().bucket("publish", "alice", FIVE_A_MINUTE).tryConsume(1);
        assertEquals(java.util.Set.of("sse-notify:rate:publish:alice"), redis.values.keySet());
        // 12 s to refill one token, then kept 10 s more.
        assertEquals(22_000, redis.ttlMillis.get("sse-notify:rate:publish:alice"));
        store().bucket("publish", "alice", FIVE_A_MINUTE).tryConsume(4);
        assertEquals(70_000, redis.ttlMillis.get("sse-notify:rate:publish:alice"));
    }

    @Test
    void asksForTheConnectionOnFirstUseOnly() {
        AtomicInteger asked = new AtomicInteger();
        RedisBucketStore store = new RedisBucketStore(() -> {
            asked.incrementAndGet();
            return redis.commands();
        }, "p:", Duration.ofSeconds(2), clock);
        assertEquals(0, asked.get(), "nothing opened when made, at startup");
        store.bucket("connect", "a", FIVE_A_MINUTE).tryConsume(1);
        store.bucket("connect", "b", FIVE_A_MINUTE).tryConsume(1);
        assertEquals(1, asked.get());
    }

    @Test
    void limitsFailOpenWhileRedisIsDownAndHoldAgainAfter() {
        RateLimits limits = new RateLimits("5/PT1M", 0, "1/PT1H", "1/PT1H", "5/PT1M", store());
        redis.down = true;
        assertThrows(RuntimeException.class, () -> store().bucket("publish", "x", FIVE_A_MINUTE).tryConsume(1));
        for (int i = 0; i < 50; i++) {
            limits.publish("alice");
            limits.connect("192.0.2.1");
            limits.checkLogin("alice", "192.0.2.1");
            limits.loginFailed("alice", "192.0.2.1");
        }
        redis.down = false;
        for (int i = 0; i < 5; i++) {
            limits.publish("alice");
        }
        assertEquals("publish", assertThrows(RateLimitedException.class, () -> limits.publish("alice")).limit());
    }
}
