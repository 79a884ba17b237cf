package dev.ssenotify.bench;

import java.util.List;

/** Time and rate to open N streams, and what each open stream costs the server in memory. */
final class ConnectScenario implements Scenario {

    // Lets the server finish registering the last streams before memory is read.
    private static final long SETTLE_MILLIS = 2000;
    // Lets the server notice the closed streams before the next size's baseline.
    private static final long DRAIN_MILLIS = 3000;

    @Override
    public String name() {
        return "connect";
    }

    @Override
    public void run(Bench bench) throws Exception {
        for (int n : bench.scale().numbers("connect.ns")) {
            bench.awaitServerReleasedStreams();
            ServerProbe probe = bench.probe();
            double heapBefore = probe.heapAfterGcKb();
            double rssBefore = probe.rssKb();
            try (StreamPool pool = bench.pool()) {
                CpuMeter cpu = CpuMeter.start(probe);
                long start = System.nanoTime();
                List<StreamConnection> open = Opening.open(bench, name(), pool, n, bench.target().streams(), null, 0);
                double seconds = (System.nanoTime() - start) / 1e9;
                if (open == null) {
                    return;
                }
                Results r = bench.results();
                cpu.record(r, name(), "streams opened", " N=" + n, n);
                r.add(name(), "time to open N=" + n, "s", seconds);
                r.add(name(), "open rate N=" + n, "streams/s", n / seconds);
                Thread.sleep(SETTLE_MILLIS);
                double heapAfter = probe.heapAfterGcKb();
                double rssAfter = probe.rssKb();
                r.add(name(), "RSS per stream N=" + n, "KiB", (rssAfter - rssBefore) / n);
                r.add(name(), "RSS total N=" + n, "MiB", rssAfter / 1024);
                if (probe.hasJavaHeap()) {
                    r.add(name(), "heap after GC per stream N=" + n, "KiB", (heapAfter - heapBefore) / n);
                }
                if (pool.closedByServer() + pool.failureCount() > 0) {
                    r.fail(name(), "streams broke while open: " + pool.failures() + ", closed by server "
                            + pool.closedByServer());
                }
            }
            Thread.sleep(DRAIN_MILLIS);
        }
    }
}
