package dev.ssenotify.bench;

import java.time.Duration;
import java.util.List;

/** Bursts of events published back to back: deliveries per second until the last stream has the last one. */
final class ThroughputScenario implements Scenario {

    @Override
    public String name() {
        return "throughput";
    }

    @Override
    public void run(Bench bench) throws Exception {
        int burst = bench.scale().number("throughput.burst");
        for (int n : bench.scale().numbers("throughput.ns")) {
            DeliveryLedger ledger = bench.ledger(burst);
            StreamPool pool = bench.pool();
            List<StreamConnection> streams = Opening.open(bench, name(), pool, n, bench.target().streams(), ledger, 0);
            if (streams == null) {
                pool.close();
                return;
            }
            Opening.armDropOne(bench, pool, streams);
            CpuMeter cpu = CpuMeter.start(bench.probe());
            if (!RoundDriver.publishAll(bench.target().broadcast(), ledger, Duration.ZERO, 0, n)) {
                bench.results().fail(name(), "some events did not reach all " + n + " streams");
            }
            long end = 0;
            for (int i = 0; i < burst; i++) {
                end = Math.max(end, ledger.lastDeliveryNanos(i));
            }
            double seconds = (end - ledger.publishNanos(0)) / 1e9;
            long delivered = ledger.totalDeliveries();
            cpu.record(bench.results(), name(), ", N=" + n, delivered);
            RoundDriver.verify(bench, name(), pool, streams, ledger, ledger.publishedRounds(), false);
            Results r = bench.results();
            r.add(name(), "deliveries/s, " + burst + " events to N=" + n, "events/s", delivered / seconds);
            r.add(name(), "burst complete, N=" + n, "ms", seconds * 1000);
            r.add(name(), "p99, N=" + n, "ms", LatencySummary.of(ledger.latency(0, burst)).p99Ms());
        }
    }
}
