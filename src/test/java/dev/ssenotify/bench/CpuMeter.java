package dev.ssenotify.bench;

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
        this.toolStartMs = ServerProbe.ownCpuMs();
    }

    static CpuMeter start(ServerProbe probe) {
        return new CpuMeter(probe);
    }

    /** Records server and tool CPU ms per 1,000 deliveries since the start; NaN where unknown. */
    void record(Results results, String scenario, String at, long deliveries) {
        double server = probe.cpuMs() - serverStartMs;
        double tool = ServerProbe.ownCpuMs() - toolStartMs;
        double per = deliveries > 0 ? 1000.0 / deliveries : Double.NaN;
        results.add(scenario, "server CPU per 1,000 deliveries" + at, "ms", server * per);
        results.add(scenario, "load generator CPU per 1,000 deliveries" + at, "ms", tool * per);
    }
}
