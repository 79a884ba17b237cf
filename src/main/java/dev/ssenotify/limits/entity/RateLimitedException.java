package dev.ssenotify.limits.entity;

import java.time.Duration;
import java.util.Objects;

/**
 * A caller went over a rate limit. {@link #limit()} names which: {@code publish} ({@code sse.publish.rate}),
 * {@code login} ({@code sse.auth.login-rate.*}) or {@code connect} ({@code sse.connect.rate});
 * {@link #retryAfter()} is how long until one more attempt will pass. Over HTTP: 429 with
 * {@code Retry-After:} {@link #retryAfterSeconds()}.
 */
public class RateLimitedException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final String limit;
    private final Duration retryAfter;

    /**
     * @param limit      {@code publish}, {@code login} or {@code connect}
     * @param rule       what is limited, for the message: "publishing is limited to 100 per PT1S for this publisher"
     * @param retryAfter until one more attempt passes; not negative
     */
    public RateLimitedException(String limit, String rule, Duration retryAfter) {
        // No stack trace: these are thrown at the pace of the abuse they stop, and where is always the limit.
        super(rule + "; retry in " + seconds(retryAfter) + " s", null, false, false);
        this.limit = Objects.requireNonNull(limit, "limit");
        this.retryAfter = retryAfter;
    }

    public String limit() {
        return limit;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /**
     * Whole seconds, rounded up and at least 1: Retry-After has no fractions, and 0 would invite a retry
     * that is refused again.
     */
    public long retryAfterSeconds() {
        return seconds(retryAfter);
    }

    private static long seconds(Duration retryAfter) {
        if (retryAfter == null || retryAfter.isNegative()) {
            throw new IllegalArgumentException("retryAfter must not be null or negative, got " + retryAfter);
        }
        long seconds = retryAfter.getSeconds() + (retryAfter.getNano() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
