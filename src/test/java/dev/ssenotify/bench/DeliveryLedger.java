package dev.ssenotify.bench;

import java.time.Duration;
import java.util.BitSet;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Publish times and deliveries of one scenario's rounds. Rounds on the wire are {@code base + index} so that a
 * server replaying an earlier scenario's event is caught instead of being counted as this one's.
 */
final class DeliveryLedger {

    private static final long MAX_MICROS = Duration.ofMinutes(5).toNanos() / 1000;

    private final int base;
    private final AtomicLongArray publishNanos;
    private final AtomicIntegerArray delivered;
    private final AtomicIntegerArray dropped;
    private final AtomicLongArray lastNanos;
    private final Histogram[] latency;
    private final BitSet published = new BitSet();
    private final AtomicLong outOfRange = new AtomicLong();
    // One waiter at a time (the scenario's thread); I/O threads wake it when its round is complete.
    private final Object progress = new Object();
    private volatile int awaitedIndex = -1;
    private volatile int awaitedCount;

    DeliveryLedger(int base, int rounds) {
        this.base = base;
        this.publishNanos = new AtomicLongArray(rounds);
        this.delivered = new AtomicIntegerArray(rounds);
        this.dropped = new AtomicIntegerArray(rounds);
        this.lastNanos = new AtomicLongArray(rounds);
        this.latency = new Histogram[rounds];
        for (int i = 0; i < rounds; i++) {
            latency[i] = new ConcurrentHistogram(MAX_MICROS, 3);
        }
    }

    int rounds() {
        return latency.length;
    }

    /** The number that goes on the wire for round {@code index}. */
    int wireRound(int index) {
        return base + index;
    }

    /** The index of a round seen on the wire, or -1 when it is not one of this scenario's. */
    int index(int wireRound) {
        int index = wireRound - base;
        if (index < 0 || index >= latency.length) {
            outOfRange.incrementAndGet();
            return -1;
        }
        return index;
    }

    /** Called just before the publish request goes out. */
    synchronized void published(int index, long nanos) {
        publishNanos.set(index, nanos);
        published.set(index);
    }

    synchronized BitSet publishedRounds() {
        return (BitSet) published.clone();
    }

    /** Called on an I/O thread for the first arrival of a round on a connection. */
    void delivered(int index, long nanos) {
        long sent = publishNanos.get(index);
        latency[index].recordValue(Math.max(0, (nanos - sent) / 1000));
        delivered.incrementAndGet(index);
        lastNanos.accumulateAndGet(index, nanos, Math::max);
        wakeIfComplete(index);
    }

    /** The drop-one test hook threw a delivery away: nobody should wait for it. */
    void dropped(int index) {
        dropped.incrementAndGet(index);
        wakeIfComplete(index);
    }

    private boolean complete(int index, int expected) {
        return delivered.get(index) + dropped.get(index) >= expected;
    }

    private void wakeIfComplete(int index) {
        if (index == awaitedIndex && complete(index, awaitedCount)) {
            synchronized (progress) {
                progress.notifyAll();
            }
        }
    }

    int deliveries(int index) {
        return delivered.get(index);
    }

    /** Deliveries of every round so far. */
    long totalDeliveries() {
        long sum = 0;
        for (int i = 0; i < rounds(); i++) {
            sum += deliveries(i);
        }
        return sum;
    }

    long outOfRange() {
        return outOfRange.get();
    }

    /** Publish to the last stream's receipt, in milliseconds; NaN if nobody got it. */
    double lastDeliveryMs(int index) {
        long last = lastNanos.get(index);
        return last == 0 ? Double.NaN : (last - publishNanos.get(index)) / 1e6;
    }

    long publishNanos(int index) {
        return publishNanos.get(index);
    }

    long lastDeliveryNanos(int index) {
        return lastNanos.get(index);
    }

    Histogram latency(int index) {
        return latency[index];
    }

    /** Latencies of rounds [from, to). */
    Histogram latency(int from, int to) {
        Histogram sum = new Histogram(MAX_MICROS, 3);
        for (int i = from; i < to; i++) {
            sum.add(latency[i]);
        }
        return sum;
    }

    /** Waits until round {@code index} reached {@code expected} streams; false on timeout. */
    boolean awaitDeliveries(int index, int expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        // Published before the check: a delivery completing the round after it sees them and wakes us.
        awaitedCount = expected;
        awaitedIndex = index;
        try {
            synchronized (progress) {
                while (!complete(index, expected)) {
                    long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
                    if (remainingMillis <= 0) {
                        return false;
                    }
                    progress.wait(remainingMillis);
                }
            }
            return true;
        } finally {
            awaitedIndex = -1;
        }
    }
}
