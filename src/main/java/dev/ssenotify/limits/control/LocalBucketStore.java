package dev.ssenotify.limits.control;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.LocalBucketBuilder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Buckets in this instance's heap, at most {@code maxEntries} of them: ids come from callers (addresses,
 * account names, possibly made up), so a map without a bound would be a leak anyone could fill.
 * <p>
 * A new id on a full map first makes room by dropping buckets that are full again (nothing is lost: a new
 * bucket starts full). If every bucket is still in use, the new id is not tracked: it shares one overflow
 * bucket per limit with every other untracked id. The trade-off: under a flood of made-up ids the callers
 * already tracked keep their own budgets and the flood shares a single one, but so does an honest newcomer
 * until buckets refill and make room. Not limiting untracked ids instead would let anyone escape a limit
 * by changing their id.
 */
public final class LocalBucketStore implements BucketStore {

    /** Ids are the callers' (addresses, names): the heap needs a bound, past which ids share (see above). */
    public static final int MAX_ENTRIES = 100_000;

    // Making room costs a pass over the map: at most once a second, so a flood cannot make each request pay it.
    private static final long SWEEP_WHEN_FULL_EVERY_NANOS = 1_000_000_000L;

    private final int maxEntries;
    private final TimeMeter clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Map<String, Bucket> overflow = new ConcurrentHashMap<>();
    // Counted apart from the map, reserved before an insert, so racing inserts cannot pass the bound.
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicLong lastSweepWhenFull;

    public LocalBucketStore() {
        this(MAX_ENTRIES);
    }

    LocalBucketStore(int maxEntries) {
        this(maxEntries, TimeMeter.SYSTEM_NANOTIME);
    }

    /** @param clock what the buckets refill by; tests pass one they move by hand */
    LocalBucketStore(int maxEntries, TimeMeter clock) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1, got " + maxEntries);
        }
        this.maxEntries = maxEntries;
        this.clock = clock;
        this.lastSweepWhenFull = new AtomicLong(clock.currentTimeNanos() - SWEEP_WHEN_FULL_EVERY_NANOS);
    }

    @Override
    public Bucket bucket(String namespace, String id, Supplier<BucketConfiguration> configuration) {
        String key = BucketStore.key(namespace, id);
        Bucket bucket = buckets.get(key);
        if (bucket != null) {
            return bucket;
        }
        if (!reserve() && !(sweepWhenFull() && reserve())) {
            return overflow.computeIfAbsent(namespace, n -> newBucket(configuration.get()));
        }
        boolean[] created = {false};
        bucket = buckets.computeIfAbsent(key, k -> {
            created[0] = true;
            return newBucket(configuration.get());
        });
        if (!created[0]) {
            size.decrementAndGet();
        }
        return bucket;
    }

    private boolean reserve() {
        for (int n = size.get(); n < maxEntries; n = size.get()) {
            if (size.compareAndSet(n, n + 1)) {
                return true;
            }
        }
        return false;
    }

    /** Sweeps if no sweep-when-full ran within the last second; true when it ran. */
    private boolean sweepWhenFull() {
        long now = clock.currentTimeNanos();
        long last = lastSweepWhenFull.get();
        if (now - last < SWEEP_WHEN_FULL_EVERY_NANOS || !lastSweepWhenFull.compareAndSet(last, now)) {
            return false;
        }
        sweep();
        return true;
    }

    /**
     * Drops the buckets that are full again. A token taken from a bucket in the instant it is dropped is
     * forgotten: one token, rarely, against a pass that needs no lock.
     */
    @Override
    public void sweep() {
        buckets.forEach((key, bucket) -> {
            if (refilled(bucket) && buckets.remove(key, bucket)) {
                size.decrementAndGet();
            }
        });
        overflow.values().removeIf(LocalBucketStore::refilled);
    }

    // Every bandwidth full, not just the smallest: after a minute a 5/PT1M,20/PT1H bucket has its 5 back
    // but still owes the hour, and dropping it would forgive the hour.
    private static boolean refilled(Bucket bucket) {
        return bucket.asVerbose().getAvailableTokens().getDiagnostics().calculateFullRefillingTime() <= 0;
    }

    private Bucket newBucket(BucketConfiguration configuration) {
        LocalBucketBuilder builder = Bucket.builder().withCustomTimePrecision(clock);
        for (Bandwidth bandwidth : configuration.getBandwidths()) {
            builder.addLimit(bandwidth);
        }
        return builder.build();
    }

    /** Buckets tracked by id, not counting the overflow ones. */
    int size() {
        return size.get();
    }
}
