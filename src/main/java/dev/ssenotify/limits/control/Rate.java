package dev.ssenotify.limits.control;

import io.github.bucket4j.Bandwidth;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * At most {@code count} per {@code period}, written {@code <count>/<ISO-8601 duration>} as in {@code 100/PT1S}.
 * A config value may list several ({@code 5/PT1M,20/PT1H}): they become the bandwidths of one bucket, and a
 * caller must fit all of them, so a short burst is allowed but keeping it up meets the longer window.
 */
public record Rate(long count, Duration period) {

    static final String FORM = "<count>/<ISO-8601 duration>[,...] such as 100/PT1S or 5/PT1M,20/PT1H, or off";

    public Rate {
        if (count < 1 || period == null || period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("a rate needs a count of at least 1 and a positive period, got "
                    + count + "/" + period);
        }
    }

    /** The rates of a config value; none for {@code off} or an empty value, which mean "no limit". */
    static List<Rate> parseAll(String key, String text) {
        String value = text == null ? "" : text.trim();
        if (value.isEmpty() || value.equalsIgnoreCase("off")) {
            return List.of();
        }
        List<Rate> rates = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            rates.add(parse(key, text, part.trim()));
        }
        return List.copyOf(rates);
    }

    private static Rate parse(String key, String text, String part) {
        int slash = part.indexOf('/');
        if (slash < 0) {
            throw bad(key, text, "'" + part + "' has no '/'");
        }
        String countText = part.substring(0, slash).trim();
        String periodText = part.substring(slash + 1).trim();
        long count;
        try {
            count = Long.parseLong(countText);
        } catch (NumberFormatException e) {
            throw bad(key, text, "'" + countText + "' is not a whole number");
        }
        if (count < 1) {
            throw bad(key, text, "the count must be at least 1");
        }
        Duration period;
        try {
            period = Duration.parse(periodText);
        } catch (DateTimeParseException e) {
            throw bad(key, text, "'" + periodText + "' is not an ISO-8601 duration");
        }
        if (period.isZero() || period.isNegative()) {
            throw bad(key, text, "the period must be positive");
        }
        Rate rate = new Rate(count, period);
        try {
            // Bucket4j has limits of its own (a period too long in nanoseconds, ...): meet them at startup.
            rate.toBandwidth(count);
        } catch (ArithmeticException | IllegalArgumentException e) {
            throw bad(key, text, e.getMessage());
        }
        return rate;
    }

    private static IllegalStateException bad(String key, String text, String why) {
        return new IllegalStateException(key + " must be " + FORM + ", got '" + text + "': " + why);
    }

    /** Refills greedily (a token every period/count, not all at the period's end), holding up to {@code capacity}. */
    public Bandwidth toBandwidth(long capacity) {
        return Bandwidth.builder().capacity(capacity).refillGreedy(count, period).build();
    }

    public Bandwidth toBandwidth() {
        return toBandwidth(count);
    }

    /** For messages: {@code 100 per PT1S}. */
    String describe() {
        return count + " per " + period;
    }

    @Override
    public String toString() {
        return count + "/" + period;
    }
}
