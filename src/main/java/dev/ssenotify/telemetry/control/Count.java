package dev.ssenotify.telemetry.control;

/** A monotonic count, exported as a counter where the server has a metrics registry. */
public interface Count {

    void inc(long n);

    default void inc() {
        inc(1);
    }

    long count();
}
