package dev.ssenotify.notify.control;

import dev.ssenotify.notify.entity.ClientInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One open stream: its output and a bounded queue of frames waiting to be written. Publishers only enqueue;
 * one writer at a time drains the queue, so a slow client never holds up a publisher. The writer flag also
 * guards the output: whoever holds it when the connection is closed closes the output, and keeps the flag.
 */
final class Connection {

    enum Offer { QUEUED, QUEUED_NEEDS_WRITER, FULL, CLOSED }

    private final ClientInfo info;
    private final StreamOutput output;
    private final int capacity;
    private final Queue<Frame> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean writing = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile long lastWriteNanos = System.nanoTime();
    // While a replay is being planned, live frames wait here so that none is lost or doubled at the switch.
    private volatile boolean gated;
    private List<Frame> held;

    Connection(ClientInfo info, StreamOutput output, int capacity) {
        this.info = info;
        this.output = output;
        this.capacity = capacity;
    }

    ClientInfo info() {
        return info;
    }

    /** Which of the heartbeat slices this connection is beaten in. */
    int heartbeatSlice(int slices) {
        return Math.floorMod(info.clientId().hashCode(), slices);
    }

    String clientId() {
        return info.clientId();
    }

    /** Only the holder of the writer flag writes to it or closes it; anyone may ask whether it is closed. */
    StreamOutput output() {
        return output;
    }

    void wrote() {
        lastWriteNanos = System.nanoTime();
    }

    long nanosSinceLastWrite() {
        return System.nanoTime() - lastWriteNanos;
    }

    boolean isClosed() {
        return closed.get();
    }

    /** Marks the connection closed; true only for the one caller that closed it. */
    boolean markClosed() {
        return closed.compareAndSet(false, true);
    }

    /** From now until {@link #openGate}, live frames are held back. */
    synchronized void gate() {
        held = new ArrayList<>();
        gated = true;
    }

    Offer offer(Frame frame) {
        if (gated) {
            synchronized (this) {
                if (gated) {
                    if (closed.get()) {
                        return Offer.CLOSED;
                    }
                    if (held.size() >= capacity) {
                        return Offer.FULL;
                    }
                    held.add(frame);
                    return Offer.QUEUED;
                }
            }
        }
        return enqueue(frame);
    }

    /** Queues past the gate: the replay itself. */
    Offer offerDirect(Frame frame) {
        return enqueue(frame);
    }

    /**
     * Lets live frames through again. Held events up to {@code head} were part of the replay and are
     * dropped; later ones follow it in order.
     */
    synchronized Offer openGate(long head) {
        gated = false;
        Offer result = Offer.QUEUED;
        for (Frame frame : held) {
            if (frame.kind() == Frame.Kind.EVENT && frame.sequence() > head) {
                Offer offered = enqueue(frame);
                if (offered == Offer.FULL || offered == Offer.CLOSED) {
                    result = offered;
                    break;
                }
                if (offered == Offer.QUEUED_NEEDS_WRITER) {
                    result = offered;
                }
            }
        }
        held = null;
        return result;
    }

    private Offer enqueue(Frame frame) {
        if (closed.get()) {
            return Offer.CLOSED;
        }
        if (queued.incrementAndGet() > capacity) {
            queued.decrementAndGet();
            return Offer.FULL;
        }
        queue.add(frame);
        return writing.compareAndSet(false, true) ? Offer.QUEUED_NEEDS_WRITER : Offer.QUEUED;
    }

    Frame poll() {
        Frame frame = queue.poll();
        if (frame != null) {
            queued.decrementAndGet();
        }
        return frame;
    }

    /** Takes the writer flag if nobody holds it; used to close the output when no writer is running. */
    boolean claimWriter() {
        return writing.compareAndSet(false, true);
    }

    /**
     * Called by the writer when the queue looked empty. Returns true if the writer must go on because a frame
     * arrived after it last looked and it won the right to write again.
     */
    boolean releaseWriter() {
        writing.set(false);
        return !queue.isEmpty() && writing.compareAndSet(false, true);
    }

    /** Discards what is still queued and returns how many events (not heartbeats) were in it. */
    int discardQueued() {
        int events = 0;
        Frame frame;
        while ((frame = poll()) != null) {
            if (frame.kind() == Frame.Kind.EVENT) {
                events++;
            } else if (frame.kind() == Frame.Kind.REPLAY) {
                events += frame.replayed().size();
            }
        }
        return events;
    }
}
