package dev.ssenotify.limits.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssenotify.limits.entity.RateLimitedException;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class RateLimitsTest {

    private static final String ADDRESS = "192.0.2.10";

    private final TestClock clock = new TestClock();
    private final LocalBucketStore store = new LocalBucketStore(1000, clock);

    /** The limits with the defaults the bean declares, so that these tests check the shipped values. */
    private RateLimits defaults() {
        return new RateLimits(declared("publishRate"), Long.parseLong(declared("publishBurst")),
                declared("loginAccountRate"), declared("loginAddressRate"), declared("connectRate"), store);
    }

    private static String declared(String field) {
        try {
            return RateLimits.class.getDeclaredField(field).getAnnotation(ConfigProperty.class).defaultValue();
        } catch (NoSuchFieldException e) {
            throw new AssertionError(e);
        }
    }

    private static RateLimitedException refused(Executable call) {
        return assertThrows(RateLimitedException.class, call);
    }

    @Test
    void theDeclaredDefaults() {
        assertEquals("100/PT1S", declared("publishRate"));
        assertEquals("0", declared("publishBurst"));
        assertEquals("5/PT1M,20/PT1H", declared("loginAccountRate"));
        assertEquals("20/PT1M,200/PT1H", declared("loginAddressRate"));
        assertEquals("300/PT1M", declared("connectRate"));
    }

    @Test
    void publishAllowsItsCountAtOnceThenRefusesUntilRefilled() {
        RateLimits limits = defaults();
        for (int i = 0; i < 100; i++) {
            limits.publish("alice");
        }
        RateLimitedException e = refused(() -> limits.publish("alice"));
        assertEquals("publish", e.limit());
        assertEquals(Duration.ofMillis(10), e.retryAfter(), "one token every 10 ms");
        assertEquals(1, e.retryAfterSeconds());
        assertEquals("publishing is limited to 100 per PT1S (sse.publish.rate) for this publisher; retry in 1 s", e.getMessage());
        limits.publish("bob");
        clock.advance(Duration.ofMillis(10));
        limits.publish("alice");
        refused(() -> limits.publish("alice"));
        clock.advance(Duration.ofSeconds(1));
        for (int i = 0; i < 100; i++) {
            limits.publish("alice");
        }
        refused(() -> limits.publish("alice"));
    }

    @Test
    void aBurstRaisesTheCapacityNotTheRate() {
        RateLimits limits = new RateLimits("10/PT1S", 30, "off", "off", "off", store);
        for (int i = 0; i < 30; i++) {
            limits.publish("alice");
        }
        assertEquals(Duration.ofMillis(100), refused(() -> limits.publish("alice")).retryAfter());
        clock.advance(Duration.ofSeconds(1));
        for (int i = 0; i < 10; i++) {
            limits.publish("alice");
        }
        refused(() -> limits.publish("alice"));
    }

    @Test
    void aLongWaitIsSaidInWholeSeconds() {
        RateLimits limits = new RateLimits("1/PT1M", 0, "off", "off", "off", store);
        limits.publish("alice");
        clock.advance(Duration.ofMillis(500));
        RateLimitedException e = refused(() -> limits.publish("alice"));
        assertEquals(Duration.ofMillis(59_500), e.retryAfter());
        assertEquals(60, e.retryAfterSeconds());
        assertTrue(e.getMessage().endsWith("; retry in 60 s"), e.getMessage());
    }

    @Test
    void onlyFailedLoginsCount() {
        RateLimits limits = defaults();
        for (int i = 0; i < 100; i++) {
            limits.checkLogin("alice", ADDRESS);
        }
        for (int i = 0; i < 4; i++) {
            limits.loginFailed("alice", ADDRESS);
        }
        limits.checkLogin("alice", ADDRESS);
        limits.loginFailed("alice", ADDRESS);
        RateLimitedException e = refused(() -> limits.checkLogin("alice", ADDRESS));
        assertEquals("login", e.limit());
        assertEquals(Duration.ofSeconds(12), e.retryAfter(), "5 a minute: one more every 12 s");
        assertEquals("failed logins are limited to 5 per PT1M and 20 per PT1H (sse.auth.login-rate.account) for this account; retry in 12 s",
                e.getMessage());
        clock.advance(Duration.ofSeconds(12));
        limits.checkLogin("alice", ADDRESS);
    }

    @Test
    void theBackOffGrowsToTheHourlyBandwidth() {
        RateLimits limits = defaults();
        int failures = 0;
        Duration wait = Duration.ZERO;
        while (wait.compareTo(Duration.ofMinutes(1)) <= 0) {
            try {
                limits.checkLogin("alice", ADDRESS);
                limits.loginFailed("alice", ADDRESS);
                failures++;
            } catch (RateLimitedException e) {
                wait = e.retryAfter();
                if (failures < 20) {
                    assertTrue(wait.compareTo(Duration.ofSeconds(12)) <= 0, failures + " failures: " + wait);
                }
                clock.advance(wait.compareTo(Duration.ofMinutes(1)) <= 0 ? wait : Duration.ZERO);
            }
        }
        // The hour's 20, plus the one it refilled meanwhile.
        assertEquals(21, failures);
        assertTrue(wait.compareTo(Duration.ofMinutes(2)) > 0 && wait.compareTo(Duration.ofMinutes(3)) <= 0,
                "one every 3 min now: " + wait);
    }

    @Test
    void failuresThatRacedPastTheCheckStillCount() {
        RateLimits limits = defaults();
        for (int i = 0; i < 10; i++) {
            limits.checkLogin("alice", ADDRESS);
        }
        for (int i = 0; i < 10; i++) {
            limits.loginFailed("alice", ADDRESS);
        }
        assertEquals(Duration.ofSeconds(72), refused(() -> limits.checkLogin("alice", ADDRESS)).retryAfter(),
                "5 over: the sixth token after 6 x 12 s");
    }

    @Test
    void accountAndAddressAreLimitedApart() {
        RateLimits limits = defaults();
        for (int i = 0; i < 5; i++) {
            limits.loginFailed("alice", ADDRESS);
        }
        refused(() -> limits.checkLogin("alice", "198.51.100.1"));
        limits.checkLogin("bob", ADDRESS);
        for (int i = 0; i < 15; i++) {
            limits.loginFailed("user-" + i, ADDRESS);
        }
        RateLimitedException e = refused(() -> limits.checkLogin("carol", ADDRESS));
        assertTrue(e.getMessage().startsWith("failed logins are limited to 20 per PT1M and 200 per PT1H (sse.auth.login-rate.address) from this address"),
                e.getMessage());
        limits.checkLogin("carol", "198.51.100.1");
    }

    @Test
    void theLongerWaitOfAccountAndAddressWins() {
        RateLimits limits = new RateLimits("off", 0, "5/PT1M", "1/PT1H", "off", store);
        for (int i = 0; i < 5; i++) {
            limits.loginFailed("alice", ADDRESS);
        }
        RateLimitedException e = refused(() -> limits.checkLogin("alice", ADDRESS));
        assertEquals(Duration.ofHours(5), e.retryAfter(), "1 an hour, the next after the 4 past it: 5 h");
        assertTrue(e.getMessage().contains("from this address"), e.getMessage());
        RateLimits byAccount = new RateLimits("off", 0, "1/PT2H", "1/PT1H", "off", store);
        byAccount.loginFailed("dave", "198.51.100.2");
        RateLimitedException f = refused(() -> byAccount.checkLogin("dave", "198.51.100.2"));
        assertEquals(Duration.ofHours(2), f.retryAfter());
        assertTrue(f.getMessage().contains("for this account"), f.getMessage());
    }

    @Test
    void connectLimitsNewStreamsPerAddress() {
        RateLimits limits = defaults();
        for (int i = 0; i < 300; i++) {
            limits.connect(ADDRESS);
        }
        RateLimitedException e = refused(() -> limits.connect(ADDRESS));
        assertEquals("connect", e.limit());
        assertEquals(Duration.ofMillis(200), e.retryAfter());
        assertEquals("opening streams is limited to 300 per PT1M (sse.connect.rate) for this address; retry in 1 s", e.getMessage());
        limits.connect("198.51.100.1");
    }

    @Test
    void offTouchesNoBucket() {
        BucketStore untouchable = new BucketStore() {
            @Override
            public Bucket bucket(String namespace, String id, Supplier<BucketConfiguration> configuration) {
                throw new AssertionError("a limit that is off used a bucket");
            }

            @Override
            public void sweep() {
            }
        };
        RateLimits limits = new RateLimits("off", 0, "off", "OFF", " off ", untouchable);
        for (int i = 0; i < 1000; i++) {
            limits.publish("alice");
            limits.connect(ADDRESS);
            limits.checkLogin("alice", ADDRESS);
            limits.loginFailed("alice", ADDRESS);
        }
    }

    @Test
    void failsOpenWhenTheStoreFails() {
        BucketStore broken = new BucketStore() {
            @Override
            public Bucket bucket(String namespace, String id, Supplier<BucketConfiguration> configuration) {
                throw new IllegalStateException("Redis is away");
            }

            @Override
            public void sweep() {
                throw new IllegalStateException("Redis is away");
            }
        };
        RateLimits limits = new RateLimits("1/PT1H", 0, "1/PT1H", "1/PT1H", "1/PT1H", broken);
        for (int i = 0; i < 10; i++) {
            limits.publish("alice");
            limits.connect(ADDRESS);
            limits.loginFailed("alice", ADDRESS);
            limits.checkLogin("alice", ADDRESS);
        }
        limits.sweep();
    }

    @Test
    void sweepForgetsRefilledBuckets() {
        RateLimits limits = defaults();
        limits.publish("alice");
        limits.connect(ADDRESS);
        limits.loginFailed("alice", ADDRESS);
        assertEquals(4, store.size());
        clock.advance(Duration.ofSeconds(1));
        limits.sweep();
        assertEquals(2, store.size(), "publish refilled; connect and the logins not yet");
        clock.advance(Duration.ofHours(1));
        limits.sweep();
        assertEquals(0, store.size());
    }

    @Test
    void aBadValueStopsStartupNamingItsKey() {
        assertKeyNamed("sse.publish.rate", () -> new RateLimits("fast", 0, "off", "off", "off", store));
        assertKeyNamed("sse.publish.burst", () -> new RateLimits("10/PT1S", -1, "off", "off", "off", store));
        assertKeyNamed("sse.auth.login-rate.account", () -> new RateLimits("off", 0, "5/PT0S", "off", "off", store));
        assertKeyNamed("sse.auth.login-rate.address", () -> new RateLimits("off", 0, "off", "0/PT1M", "off", store));
        assertKeyNamed("sse.connect.rate", () -> new RateLimits("off", 0, "off", "off", "300/minute", store));
    }

    private static void assertKeyNamed(String key, Executable construction) {
        IllegalStateException e = assertThrows(IllegalStateException.class, construction);
        assertTrue(e.getMessage().startsWith(key + " must be"), e.getMessage());
    }
}
