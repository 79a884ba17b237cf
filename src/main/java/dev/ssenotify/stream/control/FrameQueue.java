package dev.ssenotify.stream.control;

import dev.ssenotify.log.control.Frame;
import dev.ssenotify.log.control.LoggedEvent;
import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One connection's frames waiting to be written, bounded in frames and in bytes (counting what the writer
 * handed on that the socket has not taken yet). Publishers add from any thread; only the connection's writer
 * takes. It knows nothing of who writes or whether the connection is closed: {@link Connection} decides that.
 */
final class FrameQueue {

    private final int capacity;
    private final long maxBytes;
    // Frames, or slots of frames a later one may replace (Coalescing).
    private final Queue<Object> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicLong queuedBytes = new AtomicLong();
    // Written by the writer only; read by offers and the byte gauge.
    private volatile long inFlightBytes;
    // The writer's place in a replay being written; only the writer touches it.
    private Iterator<LoggedEvent> replay;
    // Made on the first coalescible frame: most streams never see one.
    private volatile Coalescing coalescing;

    /**
     * @param capacity frames that may wait
     * @param maxBytes bytes that may wait, counting what was written but not yet taken by the socket
     */
    FrameQueue(int capacity, long maxBytes) {
        this.capacity = capacity;
        this.maxBytes = maxBytes;
    }

    /** Adds the frame: {@code QUEUED}, {@code COALESCED} (it took a waiting frame's place) or {@code FULL}. */
    Connection.Offer add(Frame frame) {
        if (frame.coalesceKey() != null) {
            Frame replaced = coalescing().replace(frame);
            if (replaced != null) {
                // One frame per key waits at a time, so replacing keeps the bytes within a frame of the bound.
                queuedBytes.addAndGet(frame.size() - replaced.size());
                return Connection.Offer.COALESCED;
            }
        }
        if (queued.incrementAndGet() > capacity) {
            queued.decrementAndGet();
            return Connection.Offer.FULL;
        }
        int size = frame.size();
        if (queuedBytes.addAndGet(size) + inFlightBytes > maxBytes) {
            queuedBytes.addAndGet(-size);
            queued.decrementAndGet();
            return Connection.Offer.FULL;
        }
        queue.add(frame.coalesceKey() == null ? frame : coalescing().slot(frame));
        return Connection.Offer.QUEUED;
    }

    /**
     * The next frame to write, or null when nothing waits. A queued replay is handed out one event at a time,
     * each counted in flight as it is written. Only the writer calls this.
     */
    Frame next() {
        while (true) {
            if (replay != null) {
                if (replay.hasNext()) {
                    return replay.next().frame();
                }
                replay = null;
            }
            Frame frame = poll();
            if (frame == null) {
                return null;
            }
            if (frame.kind() != Frame.Kind.REPLAY) {
                return frame;
            }
            replay = frame.replayed().iterator();
        }
    }

    /** True while the frames {@link #next} hands out come from a replay. */
    boolean replaying() {
        return replay != null;
    }

    /** Asked by a writer that just let go: did a frame come in before it did? */
    boolean isEmpty() {
        return queue.isEmpty();
    }

    /** The writer handed these bytes to the output. */
    void handedOn(int bytes) {
        inFlightBytes += bytes;
    }

    /** The output took everything handed on so far. */
    void drained() {
        inFlightBytes = 0;
    }

    /** Bytes pinned now: what waits and what the socket has not taken. */
    long bufferedBytes() {
        return queuedBytes.get() + inFlightBytes;
    }

    /** Discards what waits and returns how many events (not heartbeats) were in it. */
    int discard() {
        int events = 0;
        Frame frame;
        while ((frame = poll()) != null) {
            events += frame.events();
        }
        return events;
    }

    private Frame poll() {
        Object item = queue.poll();
        Frame frame = item instanceof Coalescing.Slot slot ? coalescing.take(slot) : (Frame) item;
        if (frame != null) {
            queued.decrementAndGet();
            queuedBytes.addAndGet(-frame.size());
        }
        return frame;
    }

    private Coalescing coalescing() {
        Coalescing c = coalescing;
        if (c == null) {
            synchronized (this) {
                c = coalescing;
                if (c == null) {
                    c = new Coalescing();
                    coalescing = c;
                }
            }
        }
        return c;
    }
}
