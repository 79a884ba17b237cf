package dev.ssenotify.limits.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitedExceptionTest {

    private static RateLimitedException after(Duration wait) {
        return new RateLimitedException("publish", "publishing is limited to 1 per PT1S for this publisher", wait);
    }

    @Test
    void retryAfterIsWholeSecondsRoundedUpAndAtLeastOne() {
        assertEquals(1, after(Duration.ZERO).retryAfterSeconds(), "0 would invite a retry refused again");
        assertEquals(1, after(Duration.ofNanos(1)).retryAfterSeconds());
        assertEquals(3, after(Duration.ofSeconds(3)).retryAfterSeconds());
        assertEquals(4, after(Duration.ofMillis(3_001)).retryAfterSeconds());
    }

    @Test
    void carriesTheLimitTheWaitAndAClearMessage() {
        RateLimitedException e = after(Duration.ofMillis(2_500));
        assertEquals("publish", e.limit());
        assertEquals(Duration.ofMillis(2_500), e.retryAfter());
        assertEquals("publishing is limited to 1 per PT1S for this publisher; retry in 3 s", e.getMessage());
        assertEquals(0, e.getStackTrace().length, "thrown at the pace of abuse: no stack trace to fill");
    }

    @Test
    void refusesANegativeOrMissingWait() {
        assertThrows(IllegalArgumentException.class, () -> after(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> after(null));
        assertThrows(NullPointerException.class, () -> new RateLimitedException(null, "x", Duration.ZERO));
    }
}
