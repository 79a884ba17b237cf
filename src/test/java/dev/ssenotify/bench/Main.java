package dev.ssenotify.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The load generator's command line.
 *
 * <pre>
 * run    --target bench/app.properties [--set key=value]... [--scale small|full] [--size key=value]...
 *        [--scenarios connect,fanout,throughput,single-user,slow-consumers] [--server-pids 12,34]
 *        [--io-threads 2] [--drop-one] --out target/bench/app.json
 * report --dir target/bench target/bench/app.json target/bench/nchan.json
 * </pre>
 *
 * Exit status 0: all good; 1: a missed, duplicate or misrouted event, or a stream that failed; 2: bad usage.
 */
public final class Main {

    /** What a run came to; public for the smoke test that drives the tool in-process. */
    public record Summary(int exitCode, long missed, long duplicates, List<String> failures) {
    }

    private static final Map<String, Scenario> SCENARIOS = new LinkedHashMap<>();

    static {
        for (Scenario s : List.of(new ConnectScenario(), new FanoutScenario(), new ThroughputScenario(),
                new SingleUserScenario(), new SlowConsumerScenario())) {
            SCENARIOS.put(s.name(), s);
        }
    }

    private Main() {
    }

    public static void main(String[] args) {
        Summary summary;
        try {
            summary = execute(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            summary = new Summary(2, 0, 0, List.of(e.getMessage()));
        } catch (Exception e) {
            e.printStackTrace();
            summary = new Summary(1, 0, 0, List.of(e.toString()));
        }
        System.exit(summary.exitCode());
    }

    public static Summary execute(String... args) throws Exception {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: run ... | report ... (see Main's javadoc)");
        }
        Args a = new Args(args, 1);
        return switch (args[0]) {
            case "run" -> run(a);
            case "report" -> report(a);
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        };
    }

    private static Summary run(Args a) throws Exception {
        TargetConfig target = TargetConfig.load(Path.of(a.required("--target")), a.pairs("--set"));
        Scale scale = Scale.of(a.one("--scale", "small"), a.pairs("--size"));
        List<Long> pids = new ArrayList<>();
        for (String pid : a.one("--server-pids", "").split(",")) {
            if (!pid.isBlank()) {
                pids.add(Long.parseLong(pid.trim()));
            }
        }
        Results results = new Results(target.name());
        Bench bench = new Bench(target, scale, results, new ServerProbe(pids, target.javaServer()),
                Integer.parseInt(a.one("--io-threads", "2")), a.flag("--drop-one"));
        if (!a.flag("--no-warmup")) {
            warmUp(target, Integer.parseInt(a.one("--io-threads", "2")));
        }
        for (String name : a.one("--scenarios", String.join(",", SCENARIOS.keySet())).split(",")) {
            Scenario scenario = SCENARIOS.get(name.trim());
            if (scenario == null) {
                throw new IllegalArgumentException("unknown scenario " + name + "; known: " + SCENARIOS.keySet());
            }
            System.out.println("bench: " + target.name() + ": scenario " + scenario.name());
            try {
                bench.awaitServerReleasedStreams();
                scenario.run(bench);
            } catch (Exception e) {
                results.fail(scenario.name(), "aborted: " + e);
            }
        }
        String out = a.one("--out", null);
        if (out != null) {
            ResultsJson.write(Path.of(out), results, scale);
        }
        return summarize(results);
    }

    /**
     * A JVM server compiles its hot paths during the first thousands of deliveries; measured cold, it would
     * be judged on its JIT. A short fan-out and a burst first, with results thrown away, for every target.
     * The connect path runs once per stream, so C2 reaches it only after some ten thousand streams: measured
     * after the fan-out and the burst alone, over half of Payara's CPU while streams opened went to the JIT
     * compiler. One step, since each step then waits for the server to notice its departed streams.
     */
    private static void warmUp(TargetConfig target, int ioThreads) throws Exception {
        System.out.println("bench: " + target.name() + ": warm-up (not measured)");
        Scale warm = Scale.of("small", Map.of("fanout.n", "500", "fanout.rounds", "15", "throughput.ns", "500",
                "connect.ns", "12000"));
        Bench bench = new Bench(target, warm, new Results(target.name() + " warm-up"),
                new ServerProbe(List.of(), target.javaServer()), ioThreads, false);
        new FanoutScenario().run(bench);
        new ThroughputScenario().run(bench);
        new ConnectScenario().run(bench);
    }

    private static Summary summarize(Results results) {
        long missed = 0;
        long duplicates = 0;
        for (Metric m : results.metrics()) {
            if (m.name().equals("missed events")) {
                missed += (long) m.value();
            } else if (m.name().equals("duplicate events")) {
                duplicates += (long) m.value();
            }
        }
        List<String> failures = results.failures();
        if (!failures.isEmpty()) {
            System.err.println("bench: " + results.target() + " FAILED (" + failures.size() + "):");
            failures.forEach(f -> System.err.println("  - " + f));
        }
        return new Summary(failures.isEmpty() ? 0 : 1, missed, duplicates, failures);
    }

    private static Summary report(Args a) throws Exception {
        List<ResultsJson.Run> runs = new ArrayList<>();
        for (String file : a.positional()) {
            runs.add(ResultsJson.read(Path.of(file)));
        }
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("report needs at least one results file");
        }
        Path dir = Path.of(a.one("--dir", "target/bench"));
        ReportWriter.write(dir, runs);
        System.out.println("bench: wrote " + dir.resolve("report.md"));
        List<String> failures = new ArrayList<>();
        runs.forEach(r -> r.failures().forEach(f -> failures.add(r.target() + ": " + f)));
        return new Summary(failures.isEmpty() ? 0 : 1, 0, 0, failures);
    }

    /** --name value options, repeatable --name key=value pairs, --flags and the rest. */
    private static final class Args {
        private final Map<String, List<String>> options = new LinkedHashMap<>();
        private final List<String> positional = new ArrayList<>();

        Args(String[] args, int from) {
            for (int i = from; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("--drop-one") || arg.equals("--no-warmup")) {
                    options.computeIfAbsent(arg, k -> new ArrayList<>()).add("true");
                } else if (arg.startsWith("--")) {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(arg + " needs a value");
                    }
                    options.computeIfAbsent(arg, k -> new ArrayList<>()).add(args[++i]);
                } else {
                    positional.add(arg);
                }
            }
        }

        String one(String name, String fallback) {
            List<String> values = options.get(name);
            return values == null ? fallback : values.get(values.size() - 1);
        }

        String required(String name) {
            String value = one(name, null);
            if (value == null) {
                throw new IllegalArgumentException(name + " is required");
            }
            return value;
        }

        boolean flag(String name) {
            return options.containsKey(name);
        }

        Map<String, String> pairs(String name) {
            Map<String, String> pairs = new LinkedHashMap<>();
            for (String pair : options.getOrDefault(name, List.of())) {
                int eq = pair.indexOf('=');
                if (eq < 1) {
                    throw new IllegalArgumentException(name + " takes key=value, got " + pair);
                }
                pairs.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
            return pairs;
        }

        List<String> positional() {
            return positional;
        }
    }
}
