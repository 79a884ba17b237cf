package dev.ssenotify.notify.control;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.util.List;
import java.util.function.Function;

/**
 * One unit written to a stream. It is built into an {@link OutboundSseEvent} once, by the first connection
 * that writes it, and that same instance is written to every other connection.
 */
final class Frame {

    enum Kind { EVENT, HEARTBEAT, PROBE, CONTROL, REPLAY }

    private final Kind kind;
    private final LoggedEvent logged;
    private final List<LoggedEvent> replay;
    private final Function<Sse, OutboundSseEvent> builder;
    private volatile OutboundSseEvent built;

    Frame(Kind kind, Function<Sse, OutboundSseEvent> builder) {
        this(kind, null, List.of(), builder);
    }

    private Frame(Kind kind, LoggedEvent logged, List<LoggedEvent> replay, Function<Sse, OutboundSseEvent> builder) {
        this.kind = kind;
        this.logged = logged;
        this.replay = replay;
        this.builder = builder;
    }

    /** A published event; written as the same object to every stream. */
    static Frame event(LoggedEvent logged, Function<Sse, OutboundSseEvent> builder) {
        return new Frame(Kind.EVENT, logged, List.of(), builder);
    }

    /** Events a reconnecting client missed, written in order by one writer, taking one queue slot. */
    static Frame replay(List<LoggedEvent> events) {
        return new Frame(Kind.REPLAY, null, List.copyOf(events), sse -> {
            throw new IllegalStateException("a replay frame is written event by event");
        });
    }

    Kind kind() {
        return kind;
    }

    /** Heartbeats and sweep probes: kept alive by any write, so they can wait behind events. */
    boolean upkeep() {
        return kind == Kind.HEARTBEAT || kind == Kind.PROBE;
    }

    /** The log entry of an event frame, else null. */
    LoggedEvent logged() {
        return logged;
    }

    /** Log sequence of an event frame; 0 for every other frame. */
    long sequence() {
        return logged == null ? 0 : logged.sequence();
    }

    List<LoggedEvent> replayed() {
        return replay;
    }

    OutboundSseEvent outbound(Sse sse) {
        OutboundSseEvent event = built;
        if (event == null) {
            // A race builds it twice at worst; both results are equal and immutable.
            event = builder.apply(sse);
            built = event;
        }
        return event;
    }
}
