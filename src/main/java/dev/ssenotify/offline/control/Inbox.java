package dev.ssenotify.offline.control;

import dev.ssenotify.log.control.LoggedEvent;
import dev.ssenotify.notify.entity.Acknowledgement;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

/**
 * One user's (or session's) offline queue: events not yet counted as delivered, the cursor up to which
 * they are, and the futures waiting for that. Bounded: the oldest event goes first, and the loss is
 * remembered so that the next delivery signals a gap.
 */
public final class Inbox {

    /** Told of every event a queue takes in or lets go, to keep the totals across all queues. */
    interface Ledger {
        void added(String inboxKey, LoggedEvent event);

        void removed(LoggedEvent event);
    }

    private record Pending(String eventId, long deadlineNanos, CompletableFuture<Acknowledgement> future) {
    }

    /** Events after a cursor, and whether some of them were lost to the bound or the retention. */
    public record Backlog(List<LoggedEvent> events, boolean lost) {
    }

    private final String key;
    private final Ledger ledger;
    private final Deque<LoggedEvent> events = new ArrayDeque<>();
    private final TreeMap<Long, Pending> pending = new TreeMap<>();
    private long cursor;
    private String cursorMovedBy = "ack";
    private long lostUpTo;

    /** @param lostUpTo events up to this sequence were lost before the queue existed (0 when none) */
    Inbox(String key, Ledger ledger, long lostUpTo) {
        this.key = key;
        this.ledger = ledger;
        this.lostUpTo = lostUpTo;
    }

    /** Keeps the event unless it is already delivered; returns how many older events were dropped. */
    synchronized int add(LoggedEvent event, int max) {
        if (event.sequence() <= cursor) {
            return 0;
        }
        events.addLast(event);
        ledger.added(key, event);
        int dropped = 0;
        while (events.size() > max) {
            lose(events.removeFirst());
            dropped++;
        }
        return dropped;
    }

    /** Drops the oldest event if it is this one (the budget's pick); false when it is no longer queued here. */
    synchronized boolean dropOldest(long sequence) {
        LoggedEvent first = events.peekFirst();
        if (first == null || first.sequence() != sequence) {
            return false;
        }
        lose(events.removeFirst());
        return true;
    }

    /**
     * Empties the queue to make room for another (past {@code sse.offline.max-queues}); returns the waits to
     * fail, to run outside this lock.
     */
    synchronized List<Runnable> dropAll(String why) {
        while (!events.isEmpty()) {
            lose(events.removeFirst());
        }
        List<Runnable> failures = new ArrayList<>();
        for (Pending p : pending.values()) {
            failures.add(() -> p.future().completeExceptionally(new IllegalStateException(
                    "event " + p.eventId() + " was dropped from its offline queue: " + why)));
        }
        pending.clear();
        return failures;
    }

    /** The last sequence lost from this queue (to the bounds or the retention), 0 when none. */
    synchronized long lostUpTo() {
        return lostUpTo;
    }

    private void lose(LoggedEvent event) {
        lostUpTo = Math.max(lostUpTo, event.sequence());
        ledger.removed(event);
    }


    synchronized CompletableFuture<Acknowledgement> await(LoggedEvent event, long deadlineNanos) {
        CompletableFuture<Acknowledgement> future = new CompletableFuture<>();
        if (event.sequence() <= cursor) {
            // Delivered before anyone asked, as the last move of the cursor says.
            future.complete(new Acknowledgement(event.id(), cursorMovedBy, Instant.now()));
        } else {
            pending.put(event.sequence(), new Pending(event.id(), deadlineNanos, future));
        }
        return future;
    }

    synchronized boolean holds(long sequence) {
        for (LoggedEvent event : events) {
            if (event.sequence() == sequence) {
                return true;
            }
        }
        return false;
    }

    synchronized long cursor() {
        return cursor;
    }

    synchronized Backlog after(long afterSequence, long head) {
        List<LoggedEvent> out = new ArrayList<>();
        for (LoggedEvent event : events) {
            if (event.sequence() > afterSequence && event.sequence() <= head) {
                out.add(event);
            }
        }
        return new Backlog(out, lostUpTo > afterSequence);
    }

    /**
     * Moves the cursor forward (never back), forgets what it passed and returns the acknowledgements to
     * complete; the caller completes them outside this lock, since completion runs the waiters' code.
     */
    synchronized List<Runnable> advance(long sequence, String via) {
        if (sequence <= cursor) {
            return List.of();
        }
        cursor = sequence;
        cursorMovedBy = via;
        while (!events.isEmpty() && events.peekFirst().sequence() <= sequence) {
            ledger.removed(events.removeFirst());
        }
        List<Runnable> completions = new ArrayList<>();
        Map<Long, Pending> passed = pending.headMap(sequence, true);
        Instant now = Instant.now();
        for (Pending p : passed.values()) {
            completions.add(() -> p.future().complete(new Acknowledgement(p.eventId(), via, now)));
        }
        passed.clear();
        return completions;
    }

    /** Drops events older than the retention and waits past their deadline; returns expired waits. */
    synchronized List<Runnable> expire(long oldestKeptNanos, long now) {
        while (!events.isEmpty() && events.peekFirst().loggedAtNanos() < oldestKeptNanos) {
            lose(events.removeFirst());
        }
        List<Runnable> timeouts = new ArrayList<>();
        pending.values().removeIf(p -> {
            if (now - p.deadlineNanos() >= 0) {
                timeouts.add(() -> p.future().completeExceptionally(
                        new TimeoutException("event " + p.eventId() + " was not acknowledged in time")));
                return true;
            }
            return false;
        });
        return timeouts;
    }

    synchronized int size() {
        return events.size();
    }

    synchronized boolean idle() {
        return events.isEmpty() && pending.isEmpty();
    }
}
