package dev.ssenotify.bench;

import java.time.Duration;
import java.util.BitSet;
import java.util.List;

/**
 * Events to one user while many other streams sit idle: the latency of a targeted event must not depend on
 * how many streams the server holds, and none of the idle streams may see it.
 */
final class SingleUserScenario implements Scenario {

    private static final long GAP_MILLIS = 50;

    @Override
    public String name() {
        return "single-user";
    }

    @Override
    public void run(Bench bench) throws Exception {
        int idle = bench.scale().number("single.idle");
        DeliveryLedger ledger = bench.ledger(bench.scale().number("single.events"));
        try (StreamPool pool = bench.pool()) {
            List<StreamConnection> user = Opening.open(bench, name(), pool, 1, bench.target().userStreams(), ledger, 0);
            List<StreamConnection> others = user == null ? null
                    : Opening.open(bench, name(), pool, idle, bench.target().streams(), ledger, 0);
            if (others == null) {
                return;
            }
            Opening.armDropOne(bench, pool, user);
            Publisher publisher = bench.target().userPublish();
            for (int i = 0; i < ledger.rounds(); i++) {
                publisher.publish(ledger, i, 0);
                if (!ledger.awaitDeliveries(i, 1, Bench.DELIVERY_TIMEOUT) && !bench.dropOne()) {
                    bench.results().fail(name(), "event " + i + " did not reach the user's stream");
                    break;
                }
                Thread.sleep(GAP_MILLIS);
            }
            // The idle streams' share of an event would arrive at about the same time as the user's.
            Thread.sleep(Duration.ofMillis(500).toMillis());
            RoundDriver.verify(bench, name(), pool, user, ledger, ledger.publishedRounds(), false);
            RoundDriver.verify(bench, name() + " (idle streams)", pool, others, ledger, new BitSet(), false);
            LatencySummary s = LatencySummary.of(ledger.latency(0, ledger.rounds()));
            String at = " with " + idle + " idle streams";
            bench.results().add(name(), "p50" + at, "ms", s.p50Ms());
            bench.results().add(name(), "p99" + at, "ms", s.p99Ms());
            bench.results().add(name(), "max" + at, "ms", s.maxMs());
            FloorProbe floor = bench.target().floor();
            if (floor != null) {
                LatencySummary f = floor.measure(ledger.rounds(), GAP_MILLIS);
                bench.results().add(name(), "unmapped GET round trip p50" + at, "ms", f.p50Ms());
                bench.results().add(name(), "unmapped GET round trip p99" + at, "ms", f.p99Ms());
            }
        }
    }
}
