package dev.ssenotify.bench;

import java.time.Duration;
import java.util.List;

/** One broadcast a second to N streams: publish-to-receive percentiles and when the last stream has it. */
final class FanoutScenario implements Scenario {

    @Override
    public String name() {
        return "fanout";
    }

    @Override
    public void run(Bench bench) throws Exception {
        int n = bench.scale().number("fanout.n");
        DeliveryLedger ledger = bench.ledger(bench.scale().number("fanout.rounds"));
        StreamPool pool = bench.pool();
        List<StreamConnection> streams = Opening.open(bench, name(), pool, n, bench.target().streams(), ledger, 0);
        if (streams == null) {
            pool.close();
            return;
        }
        Opening.armDropOne(bench, pool, streams);
        CpuMeter cpu = CpuMeter.start(bench.probe());
        if (!RoundDriver.publishAll(bench.target().broadcast(), ledger, Duration.ofSeconds(1), 0, n)) {
            bench.results().fail(name(), "some rounds did not reach all " + n + " streams within "
                    + Bench.DELIVERY_TIMEOUT.toSeconds() + " s");
        }
        cpu.record(bench.results(), name(), " N=" + n, ledger.totalDeliveries());
        RoundDriver.verify(bench, name(), pool, streams, ledger, ledger.publishedRounds(), false);
        record(bench.results(), n, ledger);
    }

    private void record(Results r, int n, DeliveryLedger ledger) {
        LatencySummary all = LatencySummary.of(ledger.latency(0, ledger.rounds()));
        String at = " N=" + n;
        r.add(name(), "deliveries" + at, "count", all.count());
        r.add(name(), "p50" + at, "ms", all.p50Ms());
        r.add(name(), "p99" + at, "ms", all.p99Ms());
        r.add(name(), "p99.9" + at, "ms", all.p999Ms());
        r.add(name(), "max" + at, "ms", all.maxMs());
        List<Results.Point> series = RoundDriver.series(ledger);
        double[] last = series.stream().mapToDouble(Results.Point::lastStreamMs).sorted().toArray();
        r.add(name(), "last stream has it, median round" + at, "ms", last[last.length / 2]);
        r.add(name(), "last stream has it, worst round" + at, "ms", last[last.length - 1]);
        r.series(name(), series);
    }
}
