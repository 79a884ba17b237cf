package dev.ssenotify.log.control;

import dev.ssenotify.log.control.EventLog.Appended;
import dev.ssenotify.log.control.EventLog.Subscriber;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The embedded log's fan-out, kept out of its lock: events are queued in sequence order (under the log's
 * lock) and handed to the subscribers by one thread at a time, oldest first. So every subscriber sees
 * every event once, in order. The head moves to an event as its fan-out begins, when it is already stored:
 * a new stream that reads the head replays it from the log (and its gate drops the live copy), and one that
 * read an older head is registered before the event's fan-out looks for streams, so it gets it live.
 */
final class OrderedFanOut {

    /** A stored event waiting for its fan-out, and the stage of the append that stored it. */
    private record Pending(LoggedEvent event, CompletableFuture<Appended> appended) {
    }

    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final Queue<Pending> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean();
    // Written only by the thread holding `running`, before each fan-out; read by every new stream.
    private volatile long head;

    void subscribe(Subscriber subscriber) {
        subscribers.add(subscriber);
    }

    /**
     * Queues an event for its fan-out; the stage completes with its local count when that is done. Called
     * under the log's lock, which is what keeps the queue in sequence order.
     */
    CompletableFuture<Appended> queue(LoggedEvent event) {
        CompletableFuture<Appended> appended = new CompletableFuture<>();
        pending.add(new Pending(event, appended));
        return appended;
    }

    /**
     * Hands out the queued events unless another thread is already at it; that thread then takes the
     * caller's event too, and completes its stage. The queue is looked at again after letting go, so an
     * event queued by a caller that found the flag still taken is never left behind.
     */
    void run() {
        while (!pending.isEmpty() && running.compareAndSet(false, true)) {
            try {
                Pending waiting;
                while ((waiting = pending.poll()) != null) {
                    fanOut(waiting);
                }
            } finally {
                running.set(false);
            }
        }
    }

    /** The sequence of the newest event whose fan-out has begun, 0 when none. */
    long head() {
        return head;
    }

    private void fanOut(Pending waiting) {
        LoggedEvent event = waiting.event();
        head = event.sequence();
        int queued = 0;
        try {
            for (Subscriber subscriber : subscribers) {
                queued += subscriber.onEvent(event);
            }
        } catch (RuntimeException | Error e) {
            // The append fails, as it did when its fan-out threw; the ones after it go on.
            waiting.appended().completeExceptionally(e);
            if (e instanceof Error error) {
                throw error;
            }
            return;
        }
        waiting.appended().complete(new Appended(event, false, queued));
    }
}
