package dev.ssenotify.log.control;

import dev.ssenotify.notify.entity.SseTarget;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The ordered record of published events and the fan-out from it: publish, subscribe, read a range.
 * The log assigns every id (never a node's clock), so ids from one log compare; implementations keep a
 * bounded window ({@code sse.replay.max-events}, {@code sse.replay.retention}).
 */
public interface EventLog {

    /** Receives each appended event once, in log order, before the append's stage completes. */
    interface Subscriber {
        /** Returns how many local connections it was queued to. */
        int onEvent(LoggedEvent event);
    }

    /** The result of an append: the entry, whether its key was seen before, and its local fan-out. */
    record Appended(LoggedEvent event, boolean duplicate, int queued) {
    }

    /** What a range read found after a sequence; {@code truncated} when some events after it are gone. */
    record Range(List<LoggedEvent> events, boolean truncated) {
    }

    void subscribe(Subscriber subscriber);

    /**
     * Appends an event for the target. With an idempotency key already in the window, nothing is appended
     * and the earlier entry comes back as a duplicate. The stage fails when the store cannot be reached:
     * nothing is ever dropped silently.
     */
    CompletionStage<Appended> append(SseTarget target, String idempotencyKey, String name, String json, Long retryMillis,
                                     String coalesceKey);

    /**
     * The sequence of the newest event whose fan-out on this node has begun, 0 when none; every event up to
     * it can be read. A stream that registers, then reads the head, gets every event up to it by replay and
     * every later one live; a live copy of one it replayed is dropped at its gate ({@code ReplayGate}).
     */
    long head();

    /** Events after {@code afterSequence} up to {@code head}; {@code truncated} when some were dropped. */
    Range readAfter(long afterSequence, long head);

    /** The oldest event still held, or null when the log is empty. */
    LoggedEvent oldest();

    /** Finds an event still held, by sequence. */
    LoggedEvent find(long sequence);

    EventIds.Parsed parse(String id);

    /** The id this log gives the sequence; also for one that holds no event (0, before the first). */
    String idOf(long sequence);

    /** Drops what is older than the retention; returns how many. */
    int expire();

    int size();
}
