package dev.ssenotify.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Memory of the server processes: VmRSS from /proc for any server (summed over its processes, e.g. nginx's
 * master and worker), heap through jcmd for a Java server. Without pids every figure is NaN.
 */
final class ServerProbe {

    private static final Pattern RSS = Pattern.compile("VmRSS:\\s+(\\d+) kB");
    // "garbage-first heap   total 1048576K, used 53248K" and the like for the other collectors
    private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total\\s+\\d+K,\\s+used\\s+(\\d+)K");

    // /proc reports CPU times in USER_HZ ticks, which Linux fixes at 100 for user space.
    private static final int USER_HZ = 100;

    private final List<Long> pids;
    private final boolean java;

    ServerProbe(List<Long> pids, boolean java) {
        this.pids = List.copyOf(pids);
        this.java = java;
    }

    boolean hasJavaHeap() {
        return java && !pids.isEmpty();
    }

    double rssKb() {
        return sumOverServer("status", ServerProbe::parseRssKb);
    }

    /** CPU time the server processes have used so far (user + system), in ms; NaN without pids. */
    double cpuMs() {
        return sumOverServer("stat", ServerProbe::parseCpuTicks) * 1000.0 / USER_HZ;
    }

    /** One /proc/PID file of every server process, parsed and summed; NaN without pids or when one is gone. */
    private double sumOverServer(String procFile, ToLongFunction<String> parse) {
        if (pids.isEmpty()) {
            return Double.NaN;
        }
        long sum = 0;
        for (long pid : pids) {
            try {
                sum += parse.applyAsLong(Files.readString(Path.of("/proc", Long.toString(pid), procFile)));
            } catch (IOException e) {
                return Double.NaN;
            }
        }
        return sum;
    }

    /** utime + stime of a /proc/PID/stat line, in clock ticks. */
    static long parseCpuTicks(String stat) {
        // The command name may hold spaces and parentheses; the fields after its last ')' are plain.
        int close = stat.lastIndexOf(')');
        if (close < 0) {
            throw new IllegalArgumentException("not a /proc/PID/stat line");
        }
        String[] fields = stat.substring(close + 1).trim().split("\\s+");
        // fields[0] is field 3 (state); utime and stime are fields 14 and 15.
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** Heap in use right after a full collection: what the live objects, connections included, hold. */
    double heapAfterGcKb() {
        if (!hasJavaHeap()) {
            return Double.NaN;
        }
        jcmd("GC.run");
        return heapUsedKb();
    }

    double heapUsedKb() {
        if (!hasJavaHeap()) {
            return Double.NaN;
        }
        return parseHeapUsedKb(jcmd("GC.heap_info"));
    }

    static long parseRssKb(String status) {
        Matcher m = RSS.matcher(status);
        if (!m.find()) {
            throw new IllegalArgumentException("no VmRSS line");
        }
        return Long.parseLong(m.group(1));
    }

    static double parseHeapUsedKb(String heapInfo) {
        Matcher m = HEAP_USED.matcher(heapInfo);
        return m.find() ? Long.parseLong(m.group(1)) : Double.NaN;
    }

    private String jcmd(String command) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        List<String> cmd = new ArrayList<>(List.of(jcmd.toString(), Long.toString(pids.get(0)), command));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "";
            }
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
