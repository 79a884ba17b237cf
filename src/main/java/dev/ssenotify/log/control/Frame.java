package dev.ssenotify.log.control;

import java.util.List;

/**
 * One unit queued on a stream: the bytes of one SSE event, built once and shared by every stream it goes to,
 * or a replay, a run of logged events written one after the other. Immutable.
 */
public final class Frame {

    public enum Kind { EVENT, HEARTBEAT, PROBE, CONTROL, REPLAY }

    private final Kind kind;
    private final LoggedEvent logged;
    private final List<LoggedEvent> replay;
    private final WireEvent wire;
    private final String coalesceKey;

    private Frame(Kind kind, LoggedEvent logged, List<LoggedEvent> replay, WireEvent wire, String coalesceKey) {
        this.kind = kind;
        this.logged = logged;
        this.replay = replay;
        this.wire = wire;
        this.coalesceKey = coalesceKey;
    }

    /** A frame that is not a logged event: the first frame, a gap, a heartbeat, a probe. */
    public static Frame of(Kind kind, WireEvent wire) {
        if (kind == Kind.EVENT || kind == Kind.REPLAY) {
            throw new IllegalArgumentException(kind + " frames come from the log");
        }
        return new Frame(kind, null, List.of(), wire, null);
    }

    /**
     * A published event, built by its {@link LoggedEvent}; the same instance goes to every stream. With a
     * coalesce key, a later one with the same key supersedes it on a lagging stream.
     */
    static Frame event(LoggedEvent logged, WireEvent wire, String coalesceKey) {
        return new Frame(Kind.EVENT, logged, List.of(), wire, coalesceKey);
    }

    /** Events a reconnecting client missed, written in order by one writer, taking one queue slot. */
    public static Frame replay(List<LoggedEvent> events) {
        return new Frame(Kind.REPLAY, null, List.copyOf(events), null, null);
    }

    /** The key under which a later frame supersedes this one while it waits; null when it never is. */
    public String coalesceKey() {
        return coalesceKey;
    }

    public Kind kind() {
        return kind;
    }

    /** Heartbeats and sweep probes: kept alive by any write, so they can wait behind events. */
    public boolean upkeep() {
        return kind == Kind.HEARTBEAT || kind == Kind.PROBE;
    }

    /** The log entry of an event frame, else null. */
    public LoggedEvent logged() {
        return logged;
    }

    /** Log sequence of an event frame; 0 for every other frame. */
    public long sequence() {
        return logged == null ? 0 : logged.sequence();
    }

    public List<LoggedEvent> replayed() {
        return replay;
    }

    /** The event as the JAX-RS sink takes it; null for a replay, which is written event by event. */
    public WireEvent wire() {
        return wire;
    }

    /**
     * Bytes this frame pins in a connection's buffer. A replay counts nothing: its events are the log's own,
     * held there anyway, and each is counted as it is written.
     */
    public int size() {
        return wire == null ? 0 : wire.wire().length;
    }

    /** How many published events the frame carries (a replay carries several, upkeep none). */
    public int events() {
        return switch (kind) {
            case EVENT -> 1;
            case REPLAY -> replay.size();
            default -> 0;
        };
    }
}
