package dev.ssenotify.offline.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssenotify.log.control.LoggedEvent;
import dev.ssenotify.notify.entity.Acknowledgement;
import dev.ssenotify.notify.entity.SseTarget;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class InboxTest {

    private static LoggedEvent event(long sequence) {
        return new LoggedEvent(sequence, "e-" + sequence, SseTarget.user("u"), null, System.nanoTime());
    }

    private static List<Long> sequences(Inbox.Backlog backlog) {
        return backlog.events().stream().map(LoggedEvent::sequence).toList();
    }

    @Test
    void keepsTheNewestAndRemembersTheLoss() {
        Inbox inbox = new Inbox("u:u", new OfflineLedger(), 0);
        int dropped = 0;
        for (long s = 1; s <= 7; s++) {
            dropped += inbox.add(event(s), 3);
        }
        assertEquals(4, dropped);
        Inbox.Backlog backlog = inbox.after(0, 100);
        assertEquals(List.of(5L, 6L, 7L), sequences(backlog));
        assertTrue(backlog.lost());
        assertFalse(inbox.after(4, 100).lost(), "nothing after 4 was lost");
    }

    @Test
    void theCursorOnlyMovesForwardAndCompletesWaiters() throws Exception {
        Inbox inbox = new Inbox("u:u", new OfflineLedger(), 0);
        inbox.add(event(1), 10);
        inbox.add(event(2), 10);
        CompletableFuture<Acknowledgement> first = inbox.await(event(1), System.nanoTime() + 1_000_000_000L);
        CompletableFuture<Acknowledgement> second = inbox.await(event(2), System.nanoTime() + 1_000_000_000L);
        inbox.advance(1, "ack").forEach(Runnable::run);
        assertEquals("ack", first.get().via());
        assertFalse(second.isDone());
        assertTrue(inbox.advance(1, "write").isEmpty(), "never backwards or twice");
        assertEquals(List.of(2L), sequences(inbox.after(inbox.cursor(), 100)));
        inbox.add(event(1), 10);
        assertEquals(List.of(2L), sequences(inbox.after(0, 100)), "an event at or before the cursor is not kept");
        inbox.advance(2, "write").forEach(Runnable::run);
        assertEquals("write", second.get().via());
        assertEquals("write", inbox.await(event(2), 0).get().via(), "already delivered");
    }

    @Test
    void waitsTimeOutAndOldEventsExpireAsLost() {
        Inbox inbox = new Inbox("u:u", new OfflineLedger(), 0);
        LoggedEvent old = event(1);
        inbox.add(old, 10);
        CompletableFuture<Acknowledgement> waiting = inbox.await(old, System.nanoTime() - 1);
        inbox.expire(System.nanoTime() + 1, System.nanoTime()).forEach(Runnable::run);
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, waiting::get);
        assertTrue(e.getCause() instanceof TimeoutException);
        assertTrue(inbox.after(0, 100).lost());
        assertTrue(inbox.idle());
    }
}
