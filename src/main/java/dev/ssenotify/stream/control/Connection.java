package dev.ssenotify.stream.control;

import dev.ssenotify.log.control.Frame;
import dev.ssenotify.notify.entity.ClientInfo;
import dev.ssenotify.notify.entity.Topics;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One open stream: its output and the frames waiting to be written ({@link FrameQueue}, bounded in frames and
 * in bytes). Publishers only enqueue; one writer at a time drains the queue, so a slow client never holds up a
 * publisher.
 * <p>
 * Who may write is one state ({@link OutputOwnership}). Whoever takes the output after the connection is
 * closed closes it, and keeps it: nothing is written after. This class ties the queue, that state and the
 * closed flag together, so that a frame is never left waiting with no writer to take it.
 */
public final class Connection {

    // COALESCED: it replaced a waiting frame with the same coalesce key; COVERED: a live event the replay carried.
    enum Offer { QUEUED, QUEUED_NEEDS_WRITER, COALESCED, COVERED, FULL, CLOSED }

    private final ClientInfo info;
    private final String clientKey;
    private final StreamOutput output;
    private final FrameQueue frames;
    private final OutputOwnership owner = new OutputOwnership();
    private final AtomicBoolean closed = new AtomicBoolean();
    // Written by the writer only; read by the deadline check.
    private volatile long lastWriteNanos = System.nanoTime();
    private final ReplayGate gate;
    // Replaced whole when the stream changes its topics; read by dispatch without a lock.
    private volatile Topics topics = Topics.NONE;
    // When the caller's token expires (the stream closes then); null: never. Set once, before admission.
    private volatile Instant expiry;

    /** At most {@code capacity} frames and {@code maxBytes} wait (bytes the socket has not taken count). */
    public Connection(ClientInfo info, String clientKey, StreamOutput output, int capacity, long maxBytes) {
        this.info = info;
        this.clientKey = clientKey;
        this.output = output;
        this.frames = new FrameQueue(capacity, maxBytes);
        this.gate = new ReplayGate(capacity);
    }

    public ClientInfo info() {
        return info;
    }

    String clientId() {
        return info.clientId();
    }

    /** The topic patterns the stream is subscribed to now. */
    public Topics topics() {
        return topics;
    }

    /** Only the registry changes them, keeping its topic index in step. */
    void topics(Topics topics) {
        this.topics = topics;
    }

    /** The key the client named itself with, or null. */
    String clientKey() {
        return clientKey;
    }

    void expiresAt(Instant expiry) {
        this.expiry = expiry;
    }

    /** Whether the caller's token has expired by {@code now} ({@code token-expired}). */
    public boolean expiredAt(Instant now) {
        return expiry != null && !now.isBefore(expiry);
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
        return frames.bufferedBytes();
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
        Offer added = frames.add(frame);
        if (added != Offer.QUEUED) {
            return added;
        }
        return owner.claimIdle() ? Offer.QUEUED_NEEDS_WRITER : Offer.QUEUED;
    }

    /** The next frame to write, or null when nothing waits ({@link FrameQueue#next}). Only the writer calls this. */
    Frame next() {
        return frames.next();
    }

    /** True while the frames {@link #next} hands out come from a replay. */
    boolean replaying() {
        return frames.replaying();
    }

    /** The writer handed these bytes to the output. */
    void wrote(int bytes) {
        frames.handedOn(bytes);
        lastWriteNanos = System.nanoTime();
    }

    /** The output took everything written so far (it was flushed and is ready for more). */
    void drained() {
        frames.drained();
    }

    /** The first writer: once the response has started. False if the connection was closed before. */
    boolean begin() {
        return owner.begin();
    }

    /** The writer asks the output for room next; without it, the output calls back ({@link #unpark}) later. */
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

    /** The writer found nothing left; true if a frame (or the close) came since and it must go on writing. */
    boolean releaseWriter() {
        owner.release();
        return (!frames.isEmpty() || closed.get()) && owner.claimIdle();
    }

    /** The one way the output is closed, by whoever holds it: the queue goes, then the output; nothing after. */
    void closeHeldOutput() {
        discardQueued();
        output.close();
    }

    /** Discards what is still queued and returns how many events (not heartbeats) were in it. */
    int discardQueued() {
        return frames.discard();
    }
}
