package dev.ssenotify.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** Publishes a ledger's rounds on a fixed schedule, waits for their deliveries and checks them. */
final class RoundDriver {

    private static final int BURST_CONCURRENCY = 8;

    private RoundDriver() {
    }

    /**
     * Publishes every round, {@code interval} apart (zero: back to back), then waits until each reached
     * {@code expected} streams or {@link Bench#DELIVERY_TIMEOUT} passed.
     *
     * @return false if some round never reached all streams
     */
    static boolean publishAll(Publisher publisher, DeliveryLedger ledger, Duration interval, int padBytes,
            int expected) throws Exception {
        if (interval.isZero()) {
            burst(publisher, ledger, padBytes);
        } else {
            paced(publisher, ledger, interval, padBytes);
        }
        boolean all = true;
        for (int i = 0; i < ledger.rounds(); i++) {
            all &= ledger.awaitDeliveries(i, expected, Bench.DELIVERY_TIMEOUT);
        }
        return all;
    }

    private static void paced(Publisher publisher, DeliveryLedger ledger, Duration interval, int padBytes)
            throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < ledger.rounds(); i++) {
            long due = start + i * interval.toNanos();
            for (long wait; (wait = due - System.nanoTime()) > 0; ) {
                LockSupport.parkNanos(wait);
            }
            publisher.publish(ledger, i, padBytes);
        }
    }

    // A few requests in flight: one at a time would measure the publish round trip, not the fan-out.
    private static void burst(Publisher publisher, DeliveryLedger ledger, int padBytes) throws Exception {
        Semaphore inFlight = new Semaphore(BURST_CONCURRENCY);
        List<CompletableFuture<Void>> sent = new ArrayList<>();
        for (int i = 0; i < ledger.rounds(); i++) {
            inFlight.acquire();
            sent.add(publisher.publishAsync(ledger, i, padBytes).whenComplete((ok, e) -> inFlight.release()));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(Bench.DELIVERY_TIMEOUT.toSeconds(),
                TimeUnit.SECONDS);
    }

    /**
     * Closes the pool (which makes the I/O threads' tallies visible here) and records any missed, duplicate or
     * misrouted event as a failure.
     *
     * @param streamsMayBreak true where the server may rightly close streams (slow consumers); the tracked
     *     streams' missed events still count
     */
    static DeliveryCheck verify(Bench bench, String scenario, StreamPool pool, List<StreamConnection> tracked,
            DeliveryLedger ledger, BitSet expected, boolean streamsMayBreak) {
        long brokenBefore = pool.closedByServer() + pool.failureCount();
        pool.close();
        List<ConnectionTally> tallies = new ArrayList<>();
        for (StreamConnection c : tracked) {
            tallies.add(c.tally());
        }
        DeliveryCheck check = DeliveryCheck.of(tallies, expected);
        bench.results().add(scenario, "missed events", "count", check.missed());
        bench.results().add(scenario, "duplicate events", "count", check.duplicates());
        if (!check.ok()) {
            bench.results().fail(scenario, check.describe());
        }
        if (ledger.outOfRange() > 0) {
            bench.results().fail(scenario, ledger.outOfRange() + " events carried rounds this scenario never "
                    + "published (replayed from an earlier run?)");
        }
        if (brokenBefore > 0 && !streamsMayBreak) {
            bench.results().fail(scenario, brokenBefore + " streams broke during the scenario: " + pool.failures());
        }
        return check;
    }

    /** Per-round latency for the chart. */
    static List<Results.Point> series(DeliveryLedger ledger) {
        List<Results.Point> points = new ArrayList<>();
        for (int i = 0; i < ledger.rounds(); i++) {
            LatencySummary s = LatencySummary.of(ledger.latency(i));
            points.add(new Results.Point(i, s.p50Ms(), s.p99Ms(), s.maxMs(), ledger.lastDeliveryMs(i)));
        }
        return points;
    }
}
