package dev.ssenotify.stream.control;

import dev.ssenotify.log.control.Frame;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Holds a new stream's live frames while its replay is planned, so that none is lost or doubled at the
 * switch: when the gate opens, held events the replay covered (up to the log's head) are dropped and later
 * ones are queued after the replay, in order; held upkeep frames are dropped (the stream is fresh). A live
 * event the replay covered can also come after the gate opened (the log's head moves as an event's fan-out
 * begins, and that fan-out may reach this stream late): it is dropped too.
 */
final class ReplayGate {

    private final int capacity;
    private volatile boolean shut;
    // Events up to here went out in the replay; set when the gate opens.
    private volatile long covered;
    private List<Frame> held;

    ReplayGate(int capacity) {
        this.capacity = capacity;
    }

    synchronized void shut() {
        held = new ArrayList<>();
        shut = true;
    }

    /**
     * Holds the frame while shut ({@code QUEUED}, or {@code FULL} past capacity); once open, {@code COVERED}
     * for an event the replay carried, else null: the frame goes on to the queue.
     */
    Connection.Offer hold(Frame frame) {
        if (!shut) {
            return coveredByReplay(frame) ? Connection.Offer.COVERED : null;
        }
        synchronized (this) {
            if (!shut) {
                return coveredByReplay(frame) ? Connection.Offer.COVERED : null;
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
        covered = head;
        shut = false;
        return result;
    }

    private boolean coveredByReplay(Frame frame) {
        return frame.kind() == Frame.Kind.EVENT && frame.sequence() <= covered;
    }
}
