package dev.ssenotify.stream.control;

import dev.ssenotify.log.control.Frame;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One connection's frames that a later frame with the same coalesce key may still replace: while such a
 * frame waits in the queue (the client has fallen behind), a newer one takes its place instead of queuing
 * behind it, so a lagging client gets the latest progress, not a backlog. Once the writer has taken a frame
 * it is final, and the next one with that key queues anew.
 */
final class Coalescing {

    /** A place in the queue whose frame may still change. */
    static final class Slot {
        private final String key;
        private Frame frame;
        private boolean taken;

        private Slot(String key, Frame frame) {
            this.key = key;
            this.frame = frame;
        }
    }

    private final Map<String, Slot> waiting = new ConcurrentHashMap<>();

    /**
     * Puts the frame in the waiting slot of its key and returns the frame it replaced, or null when none
     * waits (the caller then queues {@link #slot}).
     */
    Frame replace(Frame frame) {
        Slot slot = waiting.get(frame.coalesceKey());
        if (slot == null) {
            return null;
        }
        synchronized (slot) {
            if (slot.taken) {
                return null;
            }
            Frame replaced = slot.frame;
            slot.frame = frame;
            return replaced;
        }
    }

    /** A new slot for the frame, to be queued in its place. */
    Slot slot(Frame frame) {
        Slot slot = new Slot(frame.coalesceKey(), frame);
        waiting.put(slot.key, slot);
        return slot;
    }

    /** The writer takes the slot's frame: from now on it is final. */
    Frame take(Slot slot) {
        synchronized (slot) {
            slot.taken = true;
            waiting.remove(slot.key, slot);
            return slot.frame;
        }
    }
}
