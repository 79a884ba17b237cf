package dev.ssenotify.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Scenario sizes. "full" is the standard run; "small" finishes in a couple of minutes. Any size can
 * be overridden by key, e.g. fanout.n=2000.
 */
final class Scale {

    private static final Map<String, String> FULL = Map.ofEntries(
            Map.entry("connect.ns", "1000,5000,10000,19000"),
            Map.entry("fanout.n", "10000"),
            Map.entry("fanout.rounds", "30"),
            Map.entry("throughput.ns", "1000,5000"),
            Map.entry("throughput.burst", "100"),
            Map.entry("single.idle", "10000"),
            Map.entry("single.events", "100"),
            Map.entry("slow.n", "5000"),
            Map.entry("slow.rounds", "30"),
            Map.entry("slow.pad", "4096"),
            Map.entry("slow.rcvbuf", "4096"));

    private static final Map<String, String> SMALL = Map.ofEntries(
            Map.entry("connect.ns", "200,1000"),
            Map.entry("fanout.n", "1000"),
            Map.entry("fanout.rounds", "10"),
            Map.entry("throughput.ns", "200,1000"),
            Map.entry("throughput.burst", "100"),
            Map.entry("single.idle", "1000"),
            Map.entry("single.events", "50"),
            Map.entry("slow.n", "1000"),
            Map.entry("slow.rounds", "10"),
            Map.entry("slow.pad", "4096"),
            Map.entry("slow.rcvbuf", "4096"));

    private final String name;
    private final Map<String, String> values;

    private Scale(String name, Map<String, String> values) {
        this.name = name;
        this.values = values;
    }

    static Scale of(String name, Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>(switch (name) {
            case "full" -> FULL;
            case "small" -> SMALL;
            default -> throw new IllegalArgumentException("scale must be small or full, got " + name);
        });
        for (String key : overrides.keySet()) {
            if (!values.containsKey(key)) {
                throw new IllegalArgumentException("unknown size " + key + "; known: " + values.keySet());
            }
        }
        values.putAll(overrides);
        return new Scale(name, values);
    }

    String name() {
        return name;
    }

    int number(String key) {
        return Integer.parseInt(values.get(key).trim());
    }

    List<Integer> numbers(String key) {
        List<Integer> list = new ArrayList<>();
        for (String s : values.get(key).split(",")) {
            list.add(Integer.parseInt(s.trim()));
        }
        return list;
    }

    Map<String, String> values() {
        return Map.copyOf(values);
    }
}
