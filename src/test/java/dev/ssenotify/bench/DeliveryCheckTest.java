package dev.ssenotify.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeliveryCheckTest {

    private static final BitSet ROUNDS_0_TO_3 = rounds(0, 1, 2, 3);

    @Test
    void everyRoundOnceOnEveryConnectionIsClean() {
        DeliveryCheck check = DeliveryCheck.of(List.of(received(0, 1, 2, 3), received(3, 2, 1, 0)), ROUNDS_0_TO_3);
        assertTrue(check.ok(), check.describe());
    }

    @Test
    void countsMissedAndDuplicatesPerConnection() {
        DeliveryCheck check = DeliveryCheck.of(List.of(received(0, 1, 2, 3), received(0, 2, 3), received(0, 1, 1, 2, 3, 3)),
                ROUNDS_0_TO_3);
        assertFalse(check.ok());
        assertEquals(1, check.missed());
        assertEquals(2, check.duplicates());
        assertEquals(2, check.connectionsWithProblems());
        assertTrue(check.describe().contains("connection 1: missed 1"), check.describe());
    }

    @Test
    void anEventOnAStreamThatShouldNotHaveItIsMisrouted() {
        DeliveryCheck check = DeliveryCheck.of(List.of(received(), received(5)), new BitSet());
        assertEquals(1, check.unexpected());
        assertFalse(check.ok());
    }

    @Test
    void ledgerKnowsOnlyItsOwnRounds() {
        DeliveryLedger ledger = new DeliveryLedger(5000, 3);
        assertEquals(5002, ledger.wireRound(2));
        assertEquals(1, ledger.index(5001));
        assertEquals(-1, ledger.index(4999));
        assertEquals(-1, ledger.index(5003));
        assertEquals(2, ledger.outOfRange());
    }

    @Test
    void ledgerMeasuresFromPublishToReceipt() {
        DeliveryLedger ledger = new DeliveryLedger(0, 2);
        ledger.published(0, 1_000_000);
        ledger.delivered(0, 3_000_000);
        ledger.delivered(0, 5_000_000);
        assertEquals(2, ledger.deliveries(0));
        assertEquals(4.0, ledger.lastDeliveryMs(0), 1e-9);
        assertEquals(rounds(0), ledger.publishedRounds());
        assertEquals(4000, ledger.latency(0).getMaxValue(), 4);
    }

    private static ConnectionTally received(int... rounds) {
        ConnectionTally tally = new ConnectionTally();
        for (int r : rounds) {
            tally.receive(r);
        }
        return tally;
    }

    private static BitSet rounds(int... rounds) {
        BitSet set = new BitSet();
        for (int r : rounds) {
            set.set(r);
        }
        return set;
    }
}
