package dev.ssenotify.cluster.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssenotify.log.control.EventLog;
import dev.ssenotify.log.control.LoggedEvent;
import dev.ssenotify.notify.entity.SseTarget;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class HandoffTest {

    private static LoggedEvent event(String id) {
        return new LoggedEvent(1, id, SseTarget.all(), null, 0);
    }

    @Test
    void theReplyWaitsForTheRead() {
        Handoff handoff = new Handoff();
        CompletableFuture<EventLog.Appended> receipt = new CompletableFuture<>();
        assertFalse(handoff.replied(event("1-0"), receipt));
        assertFalse(receipt.isDone());
        handoff.dispatched("1-0", 7);
        assertEquals(7, receipt.join().queued());
    }

    @Test
    void theReadMayComeFirst() {
        Handoff handoff = new Handoff();
        handoff.dispatched("2-0", 3);
        CompletableFuture<EventLog.Appended> receipt = new CompletableFuture<>();
        assertTrue(handoff.replied(event("2-0"), receipt));
        assertEquals(3, receipt.join().queued());
    }

    @Test
    void aReceiptNeverWaitsForeverOnAStalledRead() {
        Handoff handoff = new Handoff();
        CompletableFuture<EventLog.Appended> receipt = new CompletableFuture<>();
        handoff.replied(event("3-0"), receipt);
        handoff.giveUp("3-0");
        assertEquals(0, receipt.join().queued());
        handoff.dispatched("3-0", 5);
        handoff.forgetOlderThan(0);
        CompletableFuture<EventLog.Appended> later = new CompletableFuture<>();
        assertFalse(handoff.replied(event("3-0"), later), "a forgotten read is not matched again");
    }
}
