package dev.ssenotify.bench;

import java.lang.management.ManagementFactory;

/**
 * CPU the server and this load generator spend over a scenario's publishing, per 1,000 deliveries. On a
 * shared 2-core box the rates swing from run to run with whatever else runs; the CPU each delivery costs
 * is the steadier figure for comparing two builds, and for comparing two servers' efficiency.
 */
final class CpuMeter {

    private final ServerProbe probe;
    private final double serverStartMs;
    private final double toolStartMs;

    private CpuMeter(ServerProbe probe) {
        this.probe = probe;
        this.serverStartMs = probe.cpuMs();
        this.toolStartMs = ownCpuMs();
    }

    static CpuMeter start(ServerProbe probe) {
        return new CpuMeter(probe);
    }

    /** Records server and tool CPU ms per 1,000 deliveries since the start; NaN where unknown. */
    void record(Results results, String scenario, String at, long deliveries) {
        double server = probe.cpuMs() - serverStartMs;
        double tool = ownCpuMs() - toolStartMs;
        double per = deliveries > 0 ? 1000.0 / deliveries : Double.NaN;
        results.add(scenario, "server CPU per 1,000 deliveries" + at, "ms", server * per);
        results.add(scenario, "load generator CPU per 1,000 deliveries" + at, "ms", tool * per);
    }

    /** CPU time this process (the load generator) has used so far, in ms. */
    private static double ownCpuMs() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1e6;
        }
        return Double.NaN;
    }
}
