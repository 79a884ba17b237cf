package dev.ssenotify.cluster.control;

import dev.ssenotify.log.control.EventLog;
import dev.ssenotify.log.control.LoggedEvent;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Meets the reply to this instance's append with the stream read that queued the same event here: they
 * travel on different Redis connections, so either may come first, and the second completes the receipt.
 */
final class Handoff {

    private record Waiting(LoggedEvent event, CompletableFuture<EventLog.Appended> future) {
    }

    private record Dispatched(int queued, long atNanos) {
    }

    private final Map<String, Object> byId = new ConcurrentHashMap<>();

    /** The append's reply came: completes now (true) if the read already queued it, else waits for the read. */
    boolean replied(LoggedEvent event, CompletableFuture<EventLog.Appended> future) {
        Dispatched[] done = {null};
        byId.compute(event.id(), (id, earlier) -> {
            if (earlier instanceof Dispatched dispatched) {
                done[0] = dispatched;
                return null;
            }
            return new Waiting(event, future);
        });
        if (done[0] != null) {
            future.complete(new EventLog.Appended(event, false, done[0].queued()));
            return true;
        }
        return false;
    }

    /** The read queued this instance's event on {@code queued} local connections. */
    void dispatched(String id, int queued) {
        Waiting[] waiting = {null};
        byId.compute(id, (key, earlier) -> {
            if (earlier instanceof Waiting w) {
                waiting[0] = w;
                return null;
            }
            return new Dispatched(queued, System.nanoTime());
        });
        if (waiting[0] != null) {
            waiting[0].future().complete(new EventLog.Appended(waiting[0].event(), false, queued));
        }
    }

    /** Stops waiting for a read that does not come: the receipt says it was queued nowhere here yet. */
    void giveUp(String id) {
        Object earlier = byId.remove(id);
        if (earlier instanceof Waiting waiting) {
            waiting.future().complete(new EventLog.Appended(waiting.event(), false, 0));
        }
    }

    /** Forgets reads whose reply never came (the publisher's call failed after Redis stored the event). */
    void forgetOlderThan(long nanos) {
        long now = System.nanoTime();
        byId.values().removeIf(v -> v instanceof Dispatched d && now - d.atNanos() > nanos);
    }
}
