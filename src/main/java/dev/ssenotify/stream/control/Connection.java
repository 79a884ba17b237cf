package dev.ssenotify.stream.control;

import dev.ssenotify.log.control.Frame;
import dev.ssenotify.log.control.LoggedEvent;
import dev.ssenotify.notify.entity.ClientInfo;
import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One open stream: its output and a queue of frames waiting to be written, bounded in frames and in bytes.
 * Publishers only enqueue; one writer at a time drains the queue, so a slow client never holds up a
 * publisher.
 * <p>
 * Who may write is one state ({@link OutputOwnership}). Whoever takes the output after the connection is
 * closed closes it, and keeps it: nothing is written after.
 */
public final class Connection {

    /** COALESCED: it replaced a waiting frame with the same coalesce key. */
    enum Offer { QUEUED, QUEUED_NEEDS_WRITER, COALESCED, FULL, CLOSED }

    private final ClientInfo info;
    private final String clientKey;
    private final StreamOutput output;
    private final int capacity;
    private final long maxBytes;
    // Frames, or slots of frames a later one may replace (Coalescing).
    private final Queue<Object> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final OutputOwnership owner = new OutputOwnership();
    private final AtomicBoolean closed = new AtomicBoolean();
    // Written by the writer only; read by offers, the byte gauge and the deadline check.
    private volatile long inFlightBytes;
    private volatile long lastWriteNanos = System.nanoTime();
    // The writer's place in a replay being written; only the writer touches it.
    private Iterator<LoggedEvent> replay;
    private final ReplayGate gate;
    // Made on the first coalescible frame: most streams never see one.
    private volatile Coalescing coalescing;

    /**
     * @param clientKey the key a client sends to name itself across reconnects, or null
     * @param capacity  frames that may wait
     * @param maxBytes  bytes that may wait, counting what was written but not yet taken by the socket
     */
    public Connection(ClientInfo info, String clientKey, StreamOutput output, int capacity, long maxBytes) {
        this.info = info;
        this.clientKey = clientKey;
        this.output = output;
        this.capacity = capacity;
        this.maxBytes = maxBytes;
        this.gate = new ReplayGate(capacity);
    }

    public ClientInfo info() {
        return info;
    }

    String clientId() {
        return info.clientId();
    }

    /** The key the client named itself with, or null. */
    String clientKey() {
        return clientKey;
    }

    /** Which of the heartbeat slices this connection is beaten in. */
    public int heartbeatSlice(int slices) {
        return Math.floorMod(info.clientId().hashCode(), slices);
    }

    /** Only the holder of the output writes to it or closes it; anyone may ask whether it is closed. */
    public StreamOutput output() {
        return output;
    }

    public long nanosSinceLastWrite() {
        return System.nanoTime() - lastWriteNanos;
    }

    boolean isClosed() {
        return closed.get();
    }

    /** Marks the connection closed; true only for the one caller that closed it. */
    boolean markClosed() {
        return closed.compareAndSet(false, true);
    }

    /** Bytes this connection pins now: its queue and what its writer handed on that the socket has not taken. */
    long bufferedBytes() {
        return queuedBytes.get() + inFlightBytes;
    }

    /** How long the output has refused more bytes; 0 when it takes them. */
    public long nanosParked() {
        return owner.nanosParked();
    }

    /** From now until {@link #openGate}, live frames are held back ({@link ReplayGate}). */
    void gate() {
        gate.shut();
    }

    Offer offer(Frame frame) {
        if (closed.get()) {
            return Offer.CLOSED;
        }
        Offer held = gate.hold(frame);
        return held != null ? held : enqueue(frame);
    }

    /** Queues past the gate: the first frame and the replay. */
    Offer offerDirect(Frame frame) {
        return enqueue(frame);
    }

    /** Lets live frames through again: held events after {@code head} follow the replay, in order. */
    Offer openGate(long head) {
        return gate.open(head, this::enqueue);
    }

    private Offer enqueue(Frame frame) {
        if (closed.get()) {
            return Offer.CLOSED;
        }
        if (frame.coalesceKey() != null) {
            Frame replaced = coalescing().replace(frame);
            if (replaced != null) {
                // One frame per key waits at a time, so replacing keeps the bytes within a frame of the bound.
                queuedBytes.addAndGet(frame.size() - replaced.size());
                return Offer.COALESCED;
            }
        }
        if (queued.incrementAndGet() > capacity) {
            queued.decrementAndGet();
            return Offer.FULL;
        }
        int size = frame.size();
        if (queuedBytes.addAndGet(size) + inFlightBytes > maxBytes) {
            queuedBytes.addAndGet(-size);
            queued.decrementAndGet();
            return Offer.FULL;
        }
        queue.add(frame.coalesceKey() == null ? frame : coalescing().slot(frame));
        return owner.claimIdle() ? Offer.QUEUED_NEEDS_WRITER : Offer.QUEUED;
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
            Frame frame = unwrap(queue.poll());
            if (frame == null) {
                return null;
            }
            queued.decrementAndGet();
            queuedBytes.addAndGet(-frame.size());
            if (frame.kind() != Frame.Kind.REPLAY) {
                return frame;
            }
            replay = frame.replayed().iterator();
        }
    }

    private Frame unwrap(Object item) {
        return item instanceof Coalescing.Slot slot ? coalescing.take(slot) : (Frame) item;
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

    /** True while the frames {@link #next} hands out come from a replay. */
    boolean replaying() {
        return replay != null;
    }

    /** The writer handed these bytes to the output. */
    void wrote(int bytes) {
        inFlightBytes += bytes;
        lastWriteNanos = System.nanoTime();
    }

    /** The output took everything written so far (it was flushed and is ready for more). */
    void drained() {
        inFlightBytes = 0;
    }

    /** The first writer: once the response has started. False if the connection was closed before. */
    boolean begin() {
        return owner.begin();
    }

    /**
     * The writer is about to ask the output whether it can take more; if it cannot, the output calls back
     * later ({@link #unpark}), and whoever unparks writes next.
     */
    void park() {
        owner.park();
    }

    /** Takes the output from a parked writer; true for the one caller that did. */
    boolean unpark() {
        return owner.unpark();
    }

    /** Takes the output from nobody, to close it: true if no writer had it. */
    boolean claimForClose() {
        return owner.claimForClose();
    }

    /**
     * Called by the writer when nothing is left. Returns true if the writer must go on because a frame arrived
     * (or the connection closed) after it last looked and it won the right to write again.
     */
    boolean releaseWriter() {
        owner.release();
        return (!queue.isEmpty() || closed.get()) && owner.claimIdle();
    }

    /**
     * The one way a connection's output is closed, by whoever holds it (the writer, or the closer that took
     * it): what is still queued goes, then the output. Nothing is written after.
     */
    void closeHeldOutput() {
        discardQueued();
        output.close();
    }

    /** Discards what is still queued and returns how many events (not heartbeats) were in it. */
    int discardQueued() {
        int events = 0;
        Frame frame;
        while ((frame = unwrap(queue.poll())) != null) {
            queued.decrementAndGet();
            queuedBytes.addAndGet(-frame.size());
            events += frame.events();
        }
        return events;
    }
}
