package dev.ssenotify.cluster.control;

import dev.ssenotify.log.control.EventIds;

import java.util.regex.Pattern;

/**
 * Redis Stream ids ({@code <milliseconds>-<counter>}) packed into one ordered {@code long}: 43 bits of
 * milliseconds (good until the year 2248) and 20 bits of counter per millisecond.
 */
final class RedisIds {

    private static final Pattern FORMAT = Pattern.compile("([0-9]{1,13})-([0-9]{1,7})");
    private static final int COUNTER_BITS = 20;
    private static final long MAX_COUNTER = (1L << COUNTER_BITS) - 1;

    private RedisIds() {
    }

    static long sequence(String id) {
        EventIds.Parsed parsed = parse(id);
        if (parsed instanceof EventIds.Known known) {
            return known.sequence();
        }
        throw new IllegalArgumentException("not a stream id this log can order: " + id);
    }

    static EventIds.Parsed parse(String id) {
        if (id == null) {
            return new EventIds.Malformed();
        }
        var match = FORMAT.matcher(id);
        if (!match.matches()) {
            return new EventIds.Malformed();
        }
        long millis = Long.parseLong(match.group(1));
        long counter = Long.parseLong(match.group(2));
        if (counter > MAX_COUNTER || millis >= (1L << 43)) {
            return new EventIds.Malformed();
        }
        return new EventIds.Known((millis << COUNTER_BITS) | counter);
    }

    static String id(long sequence) {
        return (sequence >>> COUNTER_BITS) + "-" + (sequence & MAX_COUNTER);
    }
}
