package dev.ssenotify.notify.control;

import dev.ssenotify.notify.entity.Acknowledgement;
import dev.ssenotify.notify.entity.SseTarget;
import dev.ssenotify.cluster.control.ClusterConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
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

    @Inject
    SseConfig config;
    @Inject
    Telemetry telemetry;
    @Inject
    ClusterConfig cluster;
    @Inject
    Instance<RedisEventLog> redisLog;

    private static final String ENDED = "end";

    private volatile RedisEventLog shared;

    // In cluster mode every instance reads every event and cursor move from Redis, in order, so each
    // keeps the same queues; a cursor moves here only when the shared stream says so.
    @PostConstruct
    void joinCluster() {
        bound();
        if (cluster.enabled()) {
            shared = redisLog.get();
            shared.onCursor(this::apply);
        }
    }

    private final Map<String, Inbox> inboxes = new ConcurrentHashMap<>();
    private final OfflineLedger ledger = new OfflineLedger();
    private OfflineMarks marks;

    void bound() {
        marks = new OfflineMarks(config.offlineMaxQueues());
    }

    /** Called for every appended event, in log order. */
    void record(LoggedEvent event) {
        String key = key(event.target());
        if (key == null || marks.hasEnded(key)) {
            return;
        }
        int[] dropped = {0};
        if (!inboxes.containsKey(key)) {
            dropped[0] += makeRoomForQueue();
        }
        inboxes.compute(key, (k, inbox) -> {
            Inbox target = inbox == null ? newInbox(k) : inbox;
            dropped[0] += target.add(event, config.offlineMaxEvents());
            return target;
        });
        dropped[0] += keepWithinBytes();
        telemetry.offlineDropped(dropped[0]);
    }

    private Inbox newInbox(String key) {
        return new Inbox(key, ledger, marks.takeLost(key));
    }

    // The queue holding the oldest event goes (its owner is the one who has waited longest to come back);
    // with no event queued anywhere, any queue that only holds waits.
    private int makeRoomForQueue() {
        int dropped = 0;
        while (inboxes.size() >= config.offlineMaxQueues()) {
            Map.Entry<Long, String> oldest = ledger.oldest();
            String victim = oldest != null ? oldest.getValue() : inboxes.keySet().stream().findFirst().orElse(null);
            Inbox removed = victim == null ? null : inboxes.remove(victim);
            if (removed == null) {
                break;
            }
            int before = ledger.events();
            removed.dropAll("sse.offline.max-queues").forEach(Runnable::run);
            dropped += before - ledger.events();
            if (removed.lostUpTo() > 0) {
                marks.lost(victim, removed.lostUpTo());
            }
        }
        return dropped;
    }

    private int keepWithinBytes() {
        int dropped = 0;
        while (ledger.bytes() > config.offlineMaxBytes()) {
            Map.Entry<Long, String> oldest = ledger.oldest();
            if (oldest == null) {
                break;
            }
            Inbox inbox = inboxes.get(oldest.getValue());
            if (inbox == null || !inbox.dropOldest(oldest.getKey())) {
                ledger.forget(oldest.getKey());
            }
            dropped++;
        }
        return dropped;
    }

    /**
     * The session ended: its queue is deleted and nothing queues for it again (in cluster mode on every
     * instance, through the shared stream).
     */
    public void sessionEnded(String sessionId) {
        String key = "s:" + sessionId;
        if (shared != null) {
            shared.publishCursor(key, 0, ENDED);
        } else {
            end(key);
        }
    }

    private void end(String key) {
        marks.ended(key);
        Inbox inbox = inboxes.remove(key);
        if (inbox != null) {
            inbox.dropAll("its session ended").forEach(Runnable::run);
        }
    }

    /** Completes when the event counts as delivered, or fails after {@code sse.delivery.ack-timeout}. */
    CompletionStage<Acknowledgement> await(LoggedEvent event) {
        String key = key(event.target());
        if (key == null) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "only events for a user or a session are acknowledged"));
        }
        if (marks.hasEnded(key)) {
            return CompletableFuture.failedFuture(new IllegalStateException("the session has ended"));
        }
        long deadline = System.nanoTime() + config.ackTimeout().toNanos();
        return inboxes.computeIfAbsent(key, this::newInbox).await(event, deadline);
    }

    /** Everything queued for this user and session after the sequence (their cursors when it is negative). */
    Inbox.Backlog backlog(String userId, String sessionId, long afterSequence, long head) {
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
                lost |= marks.lostUpTo(key) > Math.max(0, afterSequence);
            }
        }
        return new Inbox.Backlog(List.copyOf(merged.values()), lost);
    }

    /** In write mode: the event reached one of its user's (or session's) connections. */
    void written(LoggedEvent event) {
        if (!config.ackByClient()) {
            advance(key(event.target()), event.sequence(), "write");
        }
    }

    /** True when one of the caller's queues holds the event or its cursor has passed it. */
    boolean knows(String userId, String sessionId, long sequence) {
        for (String key : keys(userId, sessionId)) {
            Inbox inbox = inboxes.get(key);
            if (inbox != null && (inbox.cursor() >= sequence || inbox.holds(sequence))) {
                return true;
            }
        }
        return false;
    }

    /** A client acknowledged everything up to the sequence. */
    void acknowledged(String userId, String sessionId, long sequence) {
        for (String key : keys(userId, sessionId)) {
            advance(key, sequence, "ack");
        }
    }

    private void advance(String key, long sequence, String via) {
        if (key == null) {
            return;
        }
        if (shared != null) {
            // Several streams of one user, or a replay, write the same event again: share a move only once
            // the cursor here has not already passed it.
            Inbox inbox = inboxes.get(key);
            if (inbox == null || inbox.cursor() < sequence) {
                shared.publishCursor(key, sequence, via);
            }
        } else {
            apply(key, sequence, via);
        }
    }

    private void apply(String key, long sequence, String via) {
        if (ENDED.equals(via)) {
            end(key);
            return;
        }
        Inbox inbox = inboxes.get(key);
        if (inbox != null) {
            inbox.advance(sequence, via).forEach(Runnable::run);
        }
    }

    /** Drops expired events and waits; forgets inboxes with nothing left in them. */
    void sweep() {
        long now = System.nanoTime();
        long oldestKept = now - config.offlineRetention().toNanos();
        List<Runnable> timeouts = new ArrayList<>();
        for (String key : List.copyOf(inboxes.keySet())) {
            inboxes.computeIfPresent(key, (k, inbox) -> {
                timeouts.addAll(inbox.expire(oldestKept, now));
                return inbox.idle() ? null : inbox;
            });
        }
        marks.expire(oldestKept);
        timeouts.forEach(Runnable::run);
    }

    int queued() {
        return ledger.events();
    }

    /** Bytes the offline queues pin, as counted against {@code sse.offline.max-bytes}. */
    long queuedBytes() {
        return ledger.bytes();
    }

    int queues() {
        return inboxes.size();
    }

    private static List<String> keys(String userId, String sessionId) {
        List<String> keys = new ArrayList<>(2);
        if (userId != null) {
            keys.add("u:" + userId);
        }
        if (sessionId != null) {
            keys.add("s:" + sessionId);
        }
        return keys;
    }

    private static String key(SseTarget target) {
        if (target instanceof SseTarget.User user) {
            return "u:" + user.userId();
        }
        if (target instanceof SseTarget.Session session) {
            return "s:" + session.sessionId();
        }
        return null;
    }
}
