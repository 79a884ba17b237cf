package dev.ssenotify.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DeliveryLedgerTest {

    @Test
    void aWaiterWakesWhenTheLastStreamOfItsRoundHasIt() throws Exception {
        DeliveryLedger ledger = new DeliveryLedger(1000, 2);
        ledger.published(0, System.nanoTime());
        ledger.published(1, System.nanoTime());
        ScheduledExecutorService io = Executors.newSingleThreadScheduledExecutor();
        try {
            io.schedule(() -> ledger.delivered(0, System.nanoTime()), 50, TimeUnit.MILLISECONDS);
            for (int i = 0; i < 3; i++) {
                io.schedule(() -> ledger.delivered(1, System.nanoTime()), 100, TimeUnit.MILLISECONDS);
            }
            io.schedule(() -> ledger.dropped(1), 150, TimeUnit.MILLISECONDS);
            long start = System.nanoTime();
            assertTrue(ledger.awaitDeliveries(1, 4, Duration.ofSeconds(10)));
            long waitedMillis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(waitedMillis < 5_000, "woken by the last delivery, not by the timeout: " + waitedMillis);
            assertEquals(3, ledger.deliveries(1));
        } finally {
            io.shutdownNow();
        }
    }

    @Test
    void aRoundThatNeverCompletesTimesOut() throws Exception {
        DeliveryLedger ledger = new DeliveryLedger(1000, 1);
        ledger.published(0, System.nanoTime());
        ledger.delivered(0, System.nanoTime());
        assertFalse(ledger.awaitDeliveries(0, 2, Duration.ofMillis(100)));
        assertTrue(ledger.awaitDeliveries(0, 1, Duration.ofMillis(100)));
    }

    @Test
    void totalDeliveriesAddsUpEveryRound() {
        DeliveryLedger ledger = new DeliveryLedger(1000, 3);
        for (int i = 0; i < 3; i++) {
            ledger.published(i, System.nanoTime());
        }
        ledger.delivered(1, System.nanoTime());
        for (int i = 0; i < 3; i++) {
            ledger.delivered(2, System.nanoTime());
        }
        assertEquals(4, ledger.totalDeliveries());
    }
}
