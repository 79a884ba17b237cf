package dev.ssenotify.limits.control;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The bucket operations the limits need, on a store that may fail (Redis away): then the caller is let
 * through, availability first, and a WARNING says so at most once a minute, as every check would fail.
 * A limit that is off touches no bucket.
 */
final class FailOpenBuckets {

    private static final Logger LOG = Logger.getLogger("dev.ssenotify.limits");
    private static final long WARN_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final BucketStore store;
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);

    FailOpenBuckets(BucketStore store) {
        this.store = store;
    }

    /** Takes one token; the nanoseconds to wait when there is none (nothing taken), else 0. */
    long take(Limit limit, String id) {
        return limit.off() ? 0 : guarded(() -> {
            ConsumptionProbe probe = bucket(limit, id).tryConsumeAndReturnRemaining(1);
            return probe.isConsumed() ? 0 : Math.max(1, probe.getNanosToWaitForRefill());
        });
    }

    /** Takes nothing; the nanoseconds until one token is there, 0 when it is now. */
    long estimate(Limit limit, String id) {
        return limit.off() ? 0 : guarded(() -> {
            EstimationProbe probe = bucket(limit, id).estimateAbilityToConsume(1);
            return probe.canBeConsumed() ? 0 : Math.max(1, probe.getNanosToWaitForRefill());
        });
    }

    /** Takes one token even from an empty bucket, which goes into debt: the next token comes later. */
    void charge(Limit limit, String id) {
        if (!limit.off()) {
            guarded(() -> bucket(limit, id).consumeIgnoringRateLimits(1));
        }
    }

    void sweep() {
        guarded(() -> {
            store.sweep();
            return 0;
        });
    }

    private Bucket bucket(Limit limit, String id) {
        return store.bucket(limit.namespace(), id, limit::configuration);
    }

    private long guarded(LongSupplier operation) {
        try {
            return operation.getAsLong();
        } catch (RuntimeException e) {
            long now = System.nanoTime();
            long last = lastWarning.get();
            if (now - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
                LOG.log(Level.WARNING, "Rate limits are not enforced while their bucket store fails: {0}", e.toString());
            }
            return 0;
        }
    }
}
