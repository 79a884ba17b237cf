package dev.ssenotify.offline.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssenotify.log.control.CursorMoves;
import dev.ssenotify.log.control.LoggedEvent;
import dev.ssenotify.notify.entity.Acknowledgement;
import dev.ssenotify.notify.entity.SseTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Cursor moves as in cluster mode: published first, applied to a queue only when the shared stream hands them back. */
class InboxCursorsTest {

    private record Move(String key, long sequence, String via) {
    }

    /** Holds published moves until {@link #deliver()}, like the Redis stream between instances. */
    private static final class SharedMoves implements CursorMoves {
        final List<Move> published = new ArrayList<>();
        private Listener listener;

        @Override
        public void publish(String inboxKey, long sequence, String via) {
            published.add(new Move(inboxKey, sequence, via));
        }

        @Override
        public void onMove(Listener newListener) {
            listener = newListener;
        }

        void deliver() {
            published.forEach(m -> listener.accept(m.key(), m.sequence(), m.via()));
            published.clear();
        }
    }

    private final SharedMoves moves = new SharedMoves();
    private final Map<String, Inbox> inboxes = new ConcurrentHashMap<>();
    private final List<String> ended = new ArrayList<>();
    private final InboxCursors cursors = new InboxCursors(moves, inboxes, ended::add);
    private Inbox alice;

    @BeforeEach
    void setUp() {
        cursors.listen();
        alice = new Inbox("u:alice", new OfflineLedger(), 0);
        inboxes.put("u:alice", alice);
        for (long s = 1; s <= 3; s++) {
            alice.add(new LoggedEvent(s, "e-" + s, SseTarget.user("alice"), null, System.nanoTime()), 10);
        }
    }

    @Test
    void aQueueMovesOnlyWhenTheSharedStreamHandsTheMoveBack() throws Exception {
        CompletableFuture<Acknowledgement> receipt = alice.await(
                new LoggedEvent(2, "e-2", SseTarget.user("alice"), null, 0), Long.MAX_VALUE);
        cursors.advance("u:alice", 2, "ack");
        assertEquals(List.of(new Move("u:alice", 2, "ack")), moves.published);
        assertEquals(0, alice.cursor(), "not before every instance can apply it in the same order");
        assertFalse(receipt.isDone());
        moves.deliver();
        assertEquals(2, alice.cursor());
        assertEquals("ack", receipt.get().via());
        assertEquals(1, alice.size());
    }

    @Test
    void aMoveTheCursorHasPassedIsNotSharedAgain() {
        cursors.advance("u:alice", 2, "write");
        moves.deliver();
        cursors.advance("u:alice", 2, "write");
        cursors.advance("u:alice", 1, "ack");
        cursors.advance(null, 5, "write");
        assertEquals(List.of(), moves.published, "a second stream or a replay wrote it again");
        cursors.advance("u:alice", 3, "write");
        cursors.advance("s:no-queue-here", 3, "ack");
        assertEquals(List.of(new Move("u:alice", 3, "write"), new Move("s:no-queue-here", 3, "ack")), moves.published);
    }

    @Test
    void aSessionEndsWhenItsEndComesBackAndNoCursorMoves() {
        cursors.end("s:gone");
        assertTrue(ended.isEmpty());
        moves.deliver();
        assertEquals(List.of("s:gone"), ended);
        cursors.end("u:alice");
        moves.deliver();
        assertEquals(0, alice.cursor(), "an end is not a move to sequence 0");
    }
}
