package dev.ssenotify.offline.control;

import dev.ssenotify.log.control.CursorMoves;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The cursors of the queues {@link Inboxes} owns. A write (in write mode), an ack or a session's end is
 * published as a move through {@link CursorMoves}, and a queue changes only when the move comes back: in
 * cluster mode the moves go through Redis and every instance applies all of them in one order, so each keeps
 * the same queues.
 */
final class InboxCursors {

    /** The move that ends a session's queue instead of moving its cursor. */
    private static final String ENDED = "end";

    private final CursorMoves moves;
    private final Map<String, Inbox> inboxes;
    private final Consumer<String> end;

    /** @param end deletes an ended session's queue, and keeps anything from queueing for it again */
    InboxCursors(CursorMoves moves, Map<String, Inbox> inboxes, Consumer<String> end) {
        this.moves = moves;
        this.inboxes = inboxes;
        this.end = end;
    }

    /** From now on, applies the moves in the order they come. */
    void listen() {
        moves.onMove(this::apply);
    }

    /** Counts the queue's events up to the sequence as delivered, {@code via} a write or an ack; null key: none. */
    void advance(String key, long sequence, String via) {
        if (key == null) {
            return;
        }
        // Several streams of one user, or a replay, write the same event again: a move is made (and, in a
        // cluster, shared) only while the cursor here has not already passed it.
        Inbox inbox = inboxes.get(key);
        if (inbox == null || inbox.cursor() < sequence) {
            moves.publish(key, sequence, via);
        }
    }

    /** The session ended: its queue goes (in cluster mode on every instance, through the shared stream). */
    void end(String key) {
        moves.publish(key, 0, ENDED);
    }

    private void apply(String key, long sequence, String via) {
        if (ENDED.equals(via)) {
            end.accept(key);
            return;
        }
        Inbox inbox = inboxes.get(key);
        if (inbox != null) {
            inbox.advance(sequence, via).forEach(Runnable::run);
        }
    }
}
