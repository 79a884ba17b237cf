package dev.ssenotify.stream.control;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Who may write to a connection's output, as one atomic state. {@code NEW}: the response has not started,
 * nobody writes yet. {@code WRITING}: one writer holds the output. {@code IDLE}: nothing to write.
 * {@code PARKED}: the output could not take more without blocking; the container's "writable" callback, or
 * a closer, takes it next. Every move to {@code WRITING} is a compare-and-set, so exactly one party holds
 * the output at a time.
 */
final class OutputOwnership {

    private static final int NEW = 0;
    private static final int WRITING = 1;
    private static final int IDLE = 2;
    private static final int PARKED = 3;

    private final AtomicInteger state = new AtomicInteger(NEW);
    private volatile long parkedSinceNanos;

    /** The first writer, once the response has started; false if a closer took the output before. */
    boolean begin() {
        return state.compareAndSet(NEW, WRITING);
    }

    /** Takes the output if nobody writes: a publisher that finds it so must start a writer. */
    boolean claimIdle() {
        return state.compareAndSet(IDLE, WRITING);
    }

    /** The writer lets go: nothing left to write. */
    void release() {
        state.set(IDLE);
    }

    /** The writer gives the output to whoever comes next: the container's callback or a closer. */
    void park() {
        parkedSinceNanos = System.nanoTime();
        state.set(PARKED);
    }

    /** Takes the output from a parked writer; true for the one caller that did. */
    boolean unpark() {
        if (state.compareAndSet(PARKED, WRITING)) {
            parkedSinceNanos = 0;
            return true;
        }
        return false;
    }

    /** Takes the output from nobody, to close it: true if no writer had it. */
    boolean claimForClose() {
        return state.compareAndSet(NEW, WRITING) || claimIdle() || unpark();
    }

    /** How long the output has refused more bytes; 0 when it takes them. */
    long nanosParked() {
        long since = parkedSinceNanos;
        return since == 0 ? 0 : System.nanoTime() - since;
    }
}
