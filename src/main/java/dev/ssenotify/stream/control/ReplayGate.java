package dev.ssenotify.stream.control;

import dev.ssenotify.log.control.Frame;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Holds a new stream's live frames while its replay is planned, so that none is lost or doubled at the
 * switch: when the gate opens, held events the replay covered (up to the log's head) are dropped and later
 * ones are queued after the replay, in order; held upkeep frames are dropped (the stream is fresh).
 */
final class ReplayGate {

    private final int capacity;
    private volatile boolean shut;
    private List<Frame> held;

    ReplayGate(int capacity) {
        this.capacity = capacity;
    }

    synchronized void shut() {
        held = new ArrayList<>();
        shut = true;
    }

    /** Holds the frame while shut ({@code QUEUED}, or {@code FULL} past capacity); null when open. */
    Connection.Offer hold(Frame frame) {
        if (!shut) {
            return null;
        }
        synchronized (this) {
            if (!shut) {
                return null;
            }
            if (held.size() >= capacity) {
                return Connection.Offer.FULL;
            }
            held.add(frame);
            return Connection.Offer.QUEUED;
        }
    }

    /**
     * Hands the held events after {@code head} to {@code enqueue}, then opens. Offers made meanwhile wait on
     * this gate's lock and come after them: nothing overtakes a held event.
     */
    synchronized Connection.Offer open(long head, Function<Frame, Connection.Offer> enqueue) {
        Connection.Offer result = Connection.Offer.QUEUED;
        for (Frame frame : held) {
            if (frame.kind() == Frame.Kind.EVENT && frame.sequence() > head) {
                Connection.Offer offered = enqueue.apply(frame);
                if (offered == Connection.Offer.FULL || offered == Connection.Offer.CLOSED) {
                    result = offered;
                    break;
                }
                if (offered == Connection.Offer.QUEUED_NEEDS_WRITER) {
                    result = offered;
                }
            }
        }
        held = null;
        shut = false;
        return result;
    }
}
