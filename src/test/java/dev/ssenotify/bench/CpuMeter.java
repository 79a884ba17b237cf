package dev.ssenotify.bench;

import java.lang.management.ManagementFactory;

/**
 * CPU the server and this load generator spend over a scenario's work, per 1,000 deliveries or per 1,000
 * streams opened. On a shared 2-core box the rates swing from run to run with whatever else runs; the CPU
 * each delivery costs is the steadier figure for comparing two builds, and for comparing two servers'
 * efficiency.
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
        record(results, scenario, "deliveries", at, deliveries);
    }

    /** Records server and tool CPU ms per 1,000 of {@code what} (e.g. "streams opened") since the start. */
    void record(Results results, String scenario, String what, String at, long count) {
        double server = probe.cpuMs() - serverStartMs;
        double tool = ownCpuMs() - toolStartMs;
        double per = count > 0 ? 1000.0 / count : Double.NaN;
        results.add(scenario, "server CPU per 1,000 " + what + at, "ms", server * per);
        results.add(scenario, "load generator CPU per 1,000 " + what + at, "ms", tool * per);
    }

    /** CPU time this process (the load generator) has used so far, in ms. */
    private static double ownCpuMs() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1e6;
        }
        return Double.NaN;
    }
}
