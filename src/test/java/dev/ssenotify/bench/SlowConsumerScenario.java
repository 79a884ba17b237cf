package dev.ssenotify.bench;

import java.time.Duration;
import java.util.List;

/**
 * One stream in a hundred stops reading for good (a small receive buffer, never read again) while broadcasts
 * continue: the others' latency and the server's heap must stay flat instead of growing with what the stuck
 * streams cannot take. Heap after GC is read once every stream is open, and again half way and at the end,
 * so that its growth is what the stuck streams cost, not the streams themselves.
 */
final class SlowConsumerScenario implements Scenario {

    @Override
    public String name() {
        return "slow-consumers";
    }

    @Override
    public void run(Bench bench) throws Exception {
        Scale scale = bench.scale();
        int n = scale.number("slow.n");
        int slow = Math.max(1, n / 100);
        int rounds = scale.number("slow.rounds");
        DeliveryLedger ledger = bench.ledger(rounds);
        ServerProbe probe = bench.probe();
        StreamPool pool = bench.pool();
        // Small receive buffers make the stalled streams push back on the server within a few events.
        List<StreamConnection> stalled = Opening.open(bench, name(), pool, slow, bench.target().streams(), ledger,
                scale.number("slow.rcvbuf"));
        List<StreamConnection> healthy = stalled == null ? null
                : Opening.open(bench, name(), pool, n - slow, bench.target().streams(), ledger, 0);
        if (healthy == null) {
            pool.close();
            return;
        }
        for (StreamConnection c : stalled) {
            pool.onLoop(c, c::pause);
        }
        double heapBefore = probe.heapAfterGcKb();
        double rssBefore = probe.rssKb();
        double heapMid = heapBefore;
        Opening.armDropOne(bench, pool, healthy);
        Publisher publisher = bench.target().broadcast();
        int pad = scale.number("slow.pad");
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            long due = start + Duration.ofSeconds(i).toNanos();
            Thread.sleep(Math.max(0, (due - System.nanoTime()) / 1_000_000));
            publisher.publish(ledger, i, pad);
            if (i == rounds / 2) {
                heapMid = probe.heapAfterGcKb();
            }
        }
        boolean all = true;
        for (int i = 0; i < rounds; i++) {
            all &= ledger.awaitDeliveries(i, healthy.size(), Bench.DELIVERY_TIMEOUT);
        }
        if (!all) {
            bench.results().fail(name(), "some rounds did not reach all " + healthy.size() + " reading streams");
        }
        double heapAfter = probe.heapAfterGcKb();
        double rssAfter = probe.rssKb();
        int closedByServer = pool.closedByServer();
        // Deliveries to the stalled streams are not counted: their tallies stay out of the check.
        RoundDriver.verify(bench, name(), pool, healthy, ledger, ledger.publishedRounds(), true);
        record(bench, n, slow, rounds, ledger, heapBefore, Math.max(heapMid, heapAfter), rssBefore, rssAfter,
                closedByServer);
    }

    private void record(Bench bench, int n, int slow, int rounds, DeliveryLedger ledger, double heapBefore,
            double heapAfter, double rssBefore, double rssAfter, int closedByServer) {
        Results r = bench.results();
        int third = Math.max(1, rounds / 3);
        String at = " N=" + n + ", " + slow + " stuck";
        r.add(name(), "reading streams p99, first third" + at, "ms",
                LatencySummary.of(ledger.latency(0, third)).p99Ms());
        r.add(name(), "reading streams p99, last third" + at, "ms",
                LatencySummary.of(ledger.latency(rounds - third, rounds)).p99Ms());
        r.add(name(), "RSS growth" + at, "MiB", (rssAfter - rssBefore) / 1024);
        if (bench.probe().hasJavaHeap()) {
            r.add(name(), "heap after GC growth, most of mid-run and end" + at, "MiB", (heapAfter - heapBefore) / 1024);
        }
        r.add(name(), "stuck streams closed by server", "count", closedByServer);
        r.series(name(), RoundDriver.series(ledger));
    }
}
