package dev.ssenotify.limits.control;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;

/** Time that moves only when a test moves it: refills without sleeping. */
public final class TestClock implements TimeMeter {

    // Far from zero, as a wall clock would be.
    private volatile long nanos = Duration.ofDays(20_000).toNanos();

    public void advance(Duration duration) {
        nanos += duration.toNanos();
    }

    @Override
    public long currentTimeNanos() {
        return nanos;
    }

    @Override
    public boolean isWallClockBased() {
        return true;
    }
}
