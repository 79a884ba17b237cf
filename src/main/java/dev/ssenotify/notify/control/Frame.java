package dev.ssenotify.notify.control;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.util.function.Function;

/**
 * One unit written to a stream. It is built into an {@link OutboundSseEvent} once, by the first connection
 * that writes it, and that same instance is written to every other connection.
 */
final class Frame {

    enum Kind { EVENT, HEARTBEAT, CONTROL }

    private final Kind kind;
    private final Function<Sse, OutboundSseEvent> builder;
    private volatile OutboundSseEvent built;

    Frame(Kind kind, Function<Sse, OutboundSseEvent> builder) {
        this.kind = kind;
        this.builder = builder;
    }

    Kind kind() {
        return kind;
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
