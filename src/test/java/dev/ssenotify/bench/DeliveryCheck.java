package dev.ssenotify.bench;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/** The verdict over a set of connections: every expected round exactly once, nothing else. */
record DeliveryCheck(int connections, long missed, long duplicates, long unexpected, int connectionsWithProblems,
        List<String> examples) {

    private static final int MAX_EXAMPLES = 5;

    static DeliveryCheck of(List<ConnectionTally> tallies, BitSet expected) {
        long missed = 0;
        long duplicates = 0;
        long unexpected = 0;
        int bad = 0;
        List<String> examples = new ArrayList<>();
        for (int i = 0; i < tallies.size(); i++) {
            ConnectionTally t = tallies.get(i);
            int m = t.missed(expected);
            int u = t.unexpected(expected);
            missed += m;
            duplicates += t.duplicates();
            unexpected += u;
            if (m + t.duplicates() + u > 0) {
                bad++;
                if (examples.size() < MAX_EXAMPLES) {
                    examples.add("connection " + i + ": missed " + m + ", duplicates " + t.duplicates()
                            + ", unexpected " + u);
                }
            }
        }
        return new DeliveryCheck(tallies.size(), missed, duplicates, unexpected, bad, List.copyOf(examples));
    }

    boolean ok() {
        return missed == 0 && duplicates == 0 && unexpected == 0;
    }

    String describe() {
        return connections + " connections: missed " + missed + ", duplicates " + duplicates + ", unexpected "
                + unexpected + (examples.isEmpty() ? "" : " " + examples);
    }
}
