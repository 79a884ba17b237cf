package dev.ssenotify.bench;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A run's results as JSON (target/bench/&lt;target&gt;.json), and back for the report. */
final class ResultsJson {

    /** A run as the report reads it. */
    record Run(String target, Map<String, String> machine, Map<String, String> sizes, List<Metric> metrics,
            List<String> failures, Map<String, List<Results.Point>> series) {
    }

    private ResultsJson() {
    }

    static void write(Path file, Results results, Scale scale) throws IOException {
        JsonArrayBuilder metrics = Json.createArrayBuilder();
        for (Metric m : results.metrics()) {
            metrics.add(Json.createObjectBuilder().add("scenario", m.scenario()).add("name", m.name())
                    .add("unit", m.unit()).add("value", number(m.value())));
        }
        JsonObjectBuilder series = Json.createObjectBuilder();
        results.series().forEach((name, points) -> {
            JsonArrayBuilder list = Json.createArrayBuilder();
            for (Results.Point p : points) {
                list.add(Json.createObjectBuilder().add("round", p.round()).add("p50Ms", number(p.p50Ms()))
                        .add("p99Ms", number(p.p99Ms())).add("maxMs", number(p.maxMs()))
                        .add("lastStreamMs", number(p.lastStreamMs())));
            }
            series.add(name, list);
        });
        JsonObject json = Json.createObjectBuilder()
                .add("target", results.target())
                .add("machine", strings(Machine.describe()))
                .add("sizes", strings(new java.util.TreeMap<>(scale.values())))
                .add("failures", Json.createArrayBuilder(results.failures()))
                .add("metrics", metrics)
                .add("series", series)
                .build();
        Files.createDirectories(file.toAbsolutePath().getParent());
        JsonWriterFactory factory = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                JsonWriter writer = factory.createWriter(out)) {
            writer.write(json);
        }
    }

    static Run read(Path file) throws IOException {
        JsonObject o;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); JsonReader reader = Json.createReader(in)) {
            o = reader.readObject();
        }
        List<Metric> metrics = new ArrayList<>();
        for (JsonValue v : o.getJsonArray("metrics")) {
            JsonObject m = v.asJsonObject();
            metrics.add(new Metric(m.getString("scenario"), m.getString("name"), m.getString("unit"),
                    value(m.get("value"))));
        }
        List<String> failures = new ArrayList<>();
        o.getJsonArray("failures").forEach(v -> failures.add(((jakarta.json.JsonString) v).getString()));
        Map<String, List<Results.Point>> series = new LinkedHashMap<>();
        o.getJsonObject("series").forEach((name, list) -> {
            List<Results.Point> points = new ArrayList<>();
            for (JsonValue v : list.asJsonArray()) {
                JsonObject p = v.asJsonObject();
                points.add(new Results.Point(p.getInt("round"), value(p.get("p50Ms")), value(p.get("p99Ms")),
                        value(p.get("maxMs")), value(p.get("lastStreamMs"))));
            }
            series.put(name, points);
        });
        return new Run(o.getString("target"), toStrings(o.getJsonObject("machine")),
                toStrings(o.getJsonObject("sizes")), metrics, failures, series);
    }

    // JSON has no NaN: a figure that could not be measured is null.
    private static JsonValue number(double value) {
        return Double.isFinite(value) ? Json.createValue(value) : JsonValue.NULL;
    }

    private static double value(JsonValue v) {
        return v instanceof JsonNumber n ? n.doubleValue() : Double.NaN;
    }

    private static JsonObjectBuilder strings(Map<String, String> map) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        map.forEach(b::add);
        return b;
    }

    private static Map<String, String> toStrings(JsonObject o) {
        Map<String, String> map = new LinkedHashMap<>();
        o.forEach((k, v) -> map.put(k, ((jakarta.json.JsonString) v).getString()));
        return map;
    }
}
