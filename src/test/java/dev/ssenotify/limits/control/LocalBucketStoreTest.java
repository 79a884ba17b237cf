package dev.ssenotify.limits.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class LocalBucketStoreTest {

    private static final Supplier<BucketConfiguration> FIVE_A_MINUTE = () -> BucketConfiguration.builder()
            .addLimit(new Rate(5, Duration.ofMinutes(1)).toBandwidth()).build();
    private static final Supplier<BucketConfiguration> FIVE_A_MINUTE_TWENTY_AN_HOUR = () -> BucketConfiguration.builder()
            .addLimit(new Rate(5, Duration.ofMinutes(1)).toBandwidth())
            .addLimit(new Rate(20, Duration.ofHours(1)).toBandwidth()).build();

    private final TestClock clock = new TestClock();

    @Test
    void staysBoundedWhenGivenTenTimesItsSizeInDistinctIds() {
        LocalBucketStore store = new LocalBucketStore(100, clock);
        int refused = 0;
        for (int i = 0; i < 1000; i++) {
            if (!store.bucket("connect", "client-" + i, FIVE_A_MINUTE).tryConsume(1)) {
                refused++;
            }
        }
        assertEquals(100, store.size());
        // The 900 untracked ids shared one bucket: 5 passed, so making up ids escapes nothing.
        assertEquals(895, refused);
        assertEquals(4, store.bucket("connect", "client-7", FIVE_A_MINUTE).getAvailableTokens(),
                "an id tracked before the flood keeps its own budget");
    }

    @Test
    void aFullStoreMakesRoomByDroppingRefilledBuckets() {
        LocalBucketStore store = new LocalBucketStore(100, clock);
        for (int i = 0; i < 100; i++) {
            store.bucket("connect", "client-" + i, FIVE_A_MINUTE).tryConsume(1);
        }
        Bucket overflow = store.bucket("connect", "late", FIVE_A_MINUTE);
        assertSame(overflow, store.bucket("connect", "later", FIVE_A_MINUTE), "untracked ids share one bucket");
        clock.advance(Duration.ofMinutes(1));
        Bucket tracked = store.bucket("connect", "new", FIVE_A_MINUTE);
        assertNotSame(overflow, tracked);
        assertEquals(1, store.size(), "the refilled buckets were dropped, the new id tracked");
    }

    @Test
    void sweepKeepsBucketsInUse() {
        LocalBucketStore store = new LocalBucketStore(100, clock);
        Bucket bucket = store.bucket("publish", "alice", FIVE_A_MINUTE);
        bucket.tryConsume(1);
        clock.advance(Duration.ofSeconds(11));
        store.sweep();
        assertSame(bucket, store.bucket("publish", "alice", FIVE_A_MINUTE));
        clock.advance(Duration.ofSeconds(1));
        store.sweep();
        assertEquals(0, store.size(), "full again after 12 s: dropped");
    }

    @Test
    void sweepKeepsABucketThatStillOwesItsLongerWindow() {
        LocalBucketStore store = new LocalBucketStore(100, clock);
        Bucket bucket = store.bucket("login-account", "alice", FIVE_A_MINUTE_TWENTY_AN_HOUR);
        assertTrue(bucket.tryConsume(5));
        clock.advance(Duration.ofMinutes(1));
        assertEquals(5, bucket.getAvailableTokens(), "the minute's tokens are back");
        store.sweep();
        assertSame(bucket, store.bucket("login-account", "alice", FIVE_A_MINUTE_TWENTY_AN_HOUR),
                "dropping it now would forgive the hour");
        clock.advance(Duration.ofHours(1));
        store.sweep();
        assertEquals(0, store.size());
    }

    @Test
    void bucketsAreKeptPerNamespaceAndId() {
        LocalBucketStore store = new LocalBucketStore(100, clock);
        Bucket alice = store.bucket("publish", "alice", FIVE_A_MINUTE);
        assertSame(alice, store.bucket("publish", "alice", FIVE_A_MINUTE));
        assertNotSame(alice, store.bucket("connect", "alice", FIVE_A_MINUTE));
        assertNotSame(alice, store.bucket("publish", "bob", FIVE_A_MINUTE));
    }

    @Test
    void longIdsAreKeptAsTheirHash() {
        String key = BucketStore.key("login-account", "x".repeat(10_000));
        assertTrue(key.startsWith("login-account:sha256:") && key.length() < 100, key);
        assertEquals(key, BucketStore.key("login-account", "x".repeat(10_000)));
        assertNotEquals(key, BucketStore.key("login-account", "x".repeat(9_999) + "y"));
        assertEquals("publish:alice", BucketStore.key("publish", "alice"));
        assertFalse(BucketStore.key("publish", "a".repeat(128)).contains("sha256"), "128 characters are kept");
    }
}
