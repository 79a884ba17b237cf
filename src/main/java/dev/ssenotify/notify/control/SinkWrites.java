package dev.ssenotify.notify.control;

/**
 * Counts, per thread, the events the JAX-RS runtime has written through {@code WireEventWriter}. A writer
 * compares the count around a {@code send} to learn whether the runtime wrote the event there and then, on
 * the writer's own thread, or only queued it (Jersey queues sends until the resource method has returned,
 * then writes them on another thread).
 */
public final class SinkWrites {

    private static final ThreadLocal<long[]> COUNT = ThreadLocal.withInitial(() -> new long[1]);

    private SinkWrites() {
    }

    /** Called by the runtime's writer as it writes an event to a stream. */
    public static void wrote() {
        COUNT.get()[0]++;
    }

    static long onThisThread() {
        return COUNT.get()[0];
    }
}
