package dev.ssenotify.offline.control;

import dev.ssenotify.config.SseConfig;
import dev.ssenotify.log.control.CursorMoves;
import dev.ssenotify.log.control.LoggedEvent;
import dev.ssenotify.notify.entity.Acknowledgement;
import dev.ssenotify.notify.entity.SseTarget;
import dev.ssenotify.telemetry.control.Telemetry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The offline queues: one per user and one per session that events were addressed to, each with the
 * cursor up to which events count as delivered ({@code sse.delivery.ack}: by a write, or only by an ack).
 * Bounded three ways, since callers decide how many sessions and events there are: events per queue
 * ({@code sse.offline.max-events}), bytes across all queues ({@code sse.offline.max-bytes}: the oldest event
 * anywhere goes first) and queues ({@code sse.offline.max-queues}: the queue holding the oldest event goes).
 * Whoever lost events gets {@code sse.gap offline-overflow} when it comes back. A session's queue ends
 * with its session.
 */
@ApplicationScoped
public class Inboxes {

    private final SseConfig config;
    private final Telemetry telemetry;
    private final InboxCursors cursors;

    // In cluster mode every instance reads every event and cursor move from Redis, in order, so each
    // keeps the same queues; a cursor moves here only when the shared stream says so.
    /** For CDI's proxy. */
    protected Inboxes() {
        this.config = null;
        this.telemetry = null;
        this.cursors = null;
    }

    @Inject
    public Inboxes(SseConfig config, Telemetry telemetry, CursorMoves moves) {
        this.config = config;
        this.telemetry = telemetry;
        this.cursors = new InboxCursors(moves, inboxes, this::end);
    }

    @PostConstruct
    public void start() {
        bound();
        cursors.listen();
    }

    private final Map<String, Inbox> inboxes = new ConcurrentHashMap<>();
    private OfflineBudget budget;

    void bound() {
        budget = new OfflineBudget(config.offlineMaxBytes(), config.offlineMaxQueues());
    }

    /** Called for every appended event, in log order. */
    public void record(LoggedEvent event) {
        String key = key(event.target());
        if (key == null || budget.hasEnded(key)) {
            return;
        }
        int[] dropped = {0};
        if (!inboxes.containsKey(key)) {
            dropped[0] += budget.makeRoomForQueue(inboxes);
        }
        inboxes.compute(key, (k, inbox) -> {
            Inbox target = inbox == null ? budget.newInbox(k) : inbox;
            dropped[0] += target.add(event, config.offlineMaxEvents());
            return target;
        });
        dropped[0] += budget.keepWithinBytes(inboxes);
        telemetry.offlineDropped(dropped[0]);
    }

    /**
     * The session ended: its queue is deleted and nothing queues for it again (in cluster mode on every
     * instance, through the shared stream).
     */
    public void sessionEnded(String sessionId) {
        cursors.end(SseTarget.SESSION_KEY + sessionId);
    }

    private void end(String key) {
        budget.end(key, inboxes);
    }

    /** Completes when the event counts as delivered, or fails after {@code sse.delivery.ack-timeout}. */
    public CompletionStage<Acknowledgement> await(LoggedEvent event) {
        String key = key(event.target());
        if (key == null) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "only events for a user or a session are acknowledged"));
        }
        if (budget.hasEnded(key)) {
            return CompletableFuture.failedFuture(new IllegalStateException("the session has ended"));
        }
        long deadline = System.nanoTime() + config.ackTimeout().toNanos();
        return inboxes.computeIfAbsent(key, budget::newInbox).await(event, deadline);
    }

    /** Everything queued for this user and session after the sequence (their cursors when it is negative). */
    public Inbox.Backlog backlog(String userId, String sessionId, long afterSequence, long head) {
        TreeMap<Long, LoggedEvent> merged = new TreeMap<>();
        boolean lost = false;
        for (String key : keys(userId, sessionId)) {
            Inbox inbox = inboxes.get(key);
            if (inbox != null) {
                long after = afterSequence >= 0 ? afterSequence : inbox.cursor();
                Inbox.Backlog part = inbox.after(after, head);
                part.events().forEach(e -> merged.put(e.sequence(), e));
                lost |= part.lost();
            } else {
                lost |= budget.lostWithoutQueue(key) > Math.max(0, afterSequence);
            }
        }
        return new Inbox.Backlog(List.copyOf(merged.values()), lost);
    }

    /** In write mode: the event reached one of its user's (or session's) connections. */
    public void written(LoggedEvent event) {
        if (!config.ackByClient()) {
            cursors.advance(key(event.target()), event.sequence(), "write");
        }
    }

    /** True when one of the caller's queues holds the event or its cursor has passed it. */
    public boolean knows(String userId, String sessionId, long sequence) {
        for (String key : keys(userId, sessionId)) {
            Inbox inbox = inboxes.get(key);
            if (inbox != null && (inbox.cursor() >= sequence || inbox.holds(sequence))) {
                return true;
            }
        }
        return false;
    }

    /** A client acknowledged everything up to the sequence. */
    public void acknowledged(String userId, String sessionId, long sequence) {
        for (String key : keys(userId, sessionId)) {
            cursors.advance(key, sequence, "ack");
        }
    }

    /** Drops expired events and waits; forgets inboxes with nothing left in them. */
    public void sweep() {
        long now = System.nanoTime();
        long oldestKept = now - config.offlineRetention().toNanos();
        List<Runnable> timeouts = new ArrayList<>();
        for (String key : List.copyOf(inboxes.keySet())) {
            inboxes.computeIfPresent(key, (k, inbox) -> {
                timeouts.addAll(inbox.expire(oldestKept, now));
                return inbox.idle() ? null : inbox;
            });
        }
        budget.expire(oldestKept);
        timeouts.forEach(Runnable::run);
    }

    public int queued() {
        return budget.events();
    }

    /** Bytes the offline queues pin, as counted against {@code sse.offline.max-bytes}. */
    public long queuedBytes() {
        return budget.bytes();
    }

    public int queues() {
        return inboxes.size();
    }

    private static List<String> keys(String userId, String sessionId) {
        List<String> keys = new ArrayList<>(2);
        if (userId != null) {
            keys.add(SseTarget.USER_KEY + userId);
        }
        if (sessionId != null) {
            keys.add(SseTarget.SESSION_KEY + sessionId);
        }
        return keys;
    }

    private static String key(SseTarget target) {
        return target.inboxKey();
    }
}
