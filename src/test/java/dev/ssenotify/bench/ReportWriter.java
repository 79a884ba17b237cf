package dev.ssenotify.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** report.md and its charts from the runs' JSON: each figure for this app, for nchan, and their ratio. */
final class ReportWriter {

    private static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd"};

    private ReportWriter() {
    }

    static void write(Path dir, List<ResultsJson.Run> runs) throws IOException {
        Files.createDirectories(dir);
        List<String> charts = new ArrayList<>();
        for (String scenario : List.of("fanout", "slow-consumers")) {
            if (runs.stream().anyMatch(r -> r.series().containsKey(scenario))) {
                String file = scenario + "-latency.svg";
                Files.writeString(dir.resolve(file), chart(scenario, runs), StandardCharsets.UTF_8);
                charts.add(file);
            }
        }
        Files.writeString(dir.resolve("report.md"), markdown(runs, charts), StandardCharsets.UTF_8);
    }

    static String markdown(List<ResultsJson.Run> runs, List<String> charts) {
        StringBuilder md = new StringBuilder("# Benchmark: sse-notify");
        for (int i = 1; i < runs.size(); i++) {
            md.append(i == 1 ? " vs " : ", ").append(runs.get(i).target());
        }
        md.append("\n\n");
        Map<String, String> machine = runs.get(0).machine();
        md.append("**Client and server share this machine**, so the load generator competes with the server for ")
                .append("the same cores: figures compare servers under equal conditions, they are not capacity ")
                .append("figures for a dedicated server.\n\n");
        md.append("| machine | |\n|---|---|\n");
        machine.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        md.append("| sizes | ").append(runs.get(0).sizes()).append(" |\n\n");
        boolean failed = false;
        for (ResultsJson.Run run : runs) {
            for (String f : run.failures()) {
                if (!failed) {
                    md.append("## FAILURES\n\n");
                    failed = true;
                }
                md.append("- **").append(run.target()).append("**: ").append(f).append('\n');
            }
        }
        if (failed) {
            md.append('\n');
        }
        for (String scenario : scenarios(runs)) {
            md.append("## ").append(scenario).append("\n\n| figure | unit |");
            runs.forEach(r -> md.append(' ').append(r.target()).append(" |"));
            if (runs.size() == 2) {
                md.append(' ').append(runs.get(0).target()).append(" / ").append(runs.get(1).target()).append(" |");
            }
            md.append("\n|---|---|");
            runs.forEach(r -> md.append("---:|"));
            md.append(runs.size() == 2 ? "---:|\n" : "\n");
            for (Metric key : figures(runs, scenario)) {
                md.append("| ").append(key.name()).append(" | ").append(key.unit()).append(" |");
                List<Double> values = new ArrayList<>();
                for (ResultsJson.Run r : runs) {
                    double v = valueOf(r, key);
                    values.add(v);
                    md.append(' ').append(format(v)).append(" |");
                }
                if (runs.size() == 2) {
                    md.append(' ').append(ratio(values.get(0), values.get(1))).append(" |");
                }
                md.append('\n');
            }
            md.append('\n');
        }
        for (String chart : charts) {
            md.append("![").append(chart).append("](").append(chart).append(")\n\n");
        }
        return md.toString();
    }

    static String ratio(double a, double b) {
        if (!Double.isFinite(a) || !Double.isFinite(b) || b == 0) {
            return "–";
        }
        return String.format(Locale.ROOT, "%.2f", a / b);
    }

    static String format(double v) {
        if (!Double.isFinite(v)) {
            return "–";
        }
        if (Math.abs(v) >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static Set<String> scenarios(List<ResultsJson.Run> runs) {
        Set<String> names = new LinkedHashSet<>();
        runs.forEach(r -> r.metrics().forEach(m -> names.add(m.scenario())));
        return names;
    }

    private static List<Metric> figures(List<ResultsJson.Run> runs, String scenario) {
        Map<String, Metric> keys = new LinkedHashMap<>();
        for (ResultsJson.Run r : runs) {
            for (Metric m : r.metrics()) {
                if (m.scenario().equals(scenario)) {
                    keys.putIfAbsent(m.key(), m);
                }
            }
        }
        return new ArrayList<>(keys.values());
    }

    private static double valueOf(ResultsJson.Run run, Metric key) {
        return run.metrics().stream().filter(m -> m.key().equals(key.key())).mapToDouble(Metric::value)
                .findFirst().orElse(Double.NaN);
    }

    private static String chart(String scenario, List<ResultsJson.Run> runs) {
        SvgChart chart = new SvgChart(scenario + ": publish to receive per round", "round", "ms");
        for (int i = 0; i < runs.size(); i++) {
            ResultsJson.Run r = runs.get(i);
            List<Results.Point> points = r.series().getOrDefault(scenario, List.of());
            String color = COLORS[i % COLORS.length];
            chart.line(r.target() + " p99", color, false, points.stream().mapToDouble(Results.Point::p99Ms).toArray());
            chart.line(r.target() + " last stream", color, true,
                    points.stream().mapToDouble(Results.Point::lastStreamMs).toArray());
        }
        return chart.render();
    }
}
