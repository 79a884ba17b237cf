package dev.ssenotify.log.control;

import dev.ssenotify.notify.entity.SseTarget;
import dev.ssenotify.notify.entity.Topics;

/**
 * One event in the log: its place in the order, its wire id, who it was for, and its frame, serialized once
 * and shared by live delivery, replay and the offline queues. Immutable: built whole by the log that
 * appended or read it.
 */
public final class LoggedEvent {

    private final long sequence;
    private final String id;
    private final SseTarget target;
    private final String idempotencyKey;
    private final long loggedAtNanos;
    private final Frame frame;

    /** An event with its bytes: its frame is built here, once. */
    public LoggedEvent(long sequence, String id, SseTarget target, String idempotencyKey, long loggedAtNanos,
                       WireEvent wire, String coalesceKey) {
        this.sequence = sequence;
        this.id = id;
        this.target = target;
        this.idempotencyKey = idempotencyKey;
        this.loggedAtNanos = loggedAtNanos;
        this.frame = wire == null ? null : Frame.event(this, wire, coalesceKey);
    }

    /** An event known by its place only (an append's receipt, before its bytes were read back): no frame. */
    public LoggedEvent(long sequence, String id, SseTarget target, String idempotencyKey, long loggedAtNanos) {
        this(sequence, id, target, idempotencyKey, loggedAtNanos, null, null);
    }

    /** The event's frame; null for an event known by its place only. */
    public Frame frame() {
        return frame;
    }

    public long sequence() {
        return sequence;
    }

    public String id() {
        return id;
    }

    public SseTarget target() {
        return target;
    }

    String idempotencyKey() {
        return idempotencyKey;
    }

    public long loggedAtNanos() {
        return loggedAtNanos;
    }

    /** Whether a connection of this user and session may receive it on replay (never a client's event). */
    public boolean replayableTo(String userId, String sessionId) {
        return target.replayableTo(userId, sessionId);
    }

    /** Whether a stream of this user and session, subscribed to these topics, may receive it on replay. */
    public boolean replayableTo(String userId, String sessionId, Topics topics) {
        return target.replayableTo(userId, sessionId, topics);
    }
}
