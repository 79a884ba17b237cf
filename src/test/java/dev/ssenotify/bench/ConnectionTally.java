package dev.ssenotify.bench;

import java.util.BitSet;

/** What one connection received: each round once, or a duplicate. Confined to the connection's I/O thread. */
final class ConnectionTally {

    private final BitSet received = new BitSet();
    private int duplicates;

    /** True the first time a round arrives; a repeat counts as a duplicate. */
    boolean receive(int round) {
        if (received.get(round)) {
            duplicates++;
            return false;
        }
        received.set(round);
        return true;
    }

    int duplicates() {
        return duplicates;
    }

    int received() {
        return received.cardinality();
    }

    /** Rounds of {@code expected} this connection never saw. */
    int missed(BitSet expected) {
        BitSet missing = (BitSet) expected.clone();
        missing.andNot(received);
        return missing.cardinality();
    }

    /** Rounds received that were not expected here: an event routed to the wrong stream. */
    int unexpected(BitSet expected) {
        BitSet extra = (BitSet) received.clone();
        extra.andNot(expected);
        return extra.cardinality();
    }
}
