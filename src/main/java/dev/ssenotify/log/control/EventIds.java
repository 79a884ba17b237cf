package dev.ssenotify.log.control;

import java.util.regex.Pattern;

/**
 * Log ids: {@code <epoch>-<sequence>}, where the epoch names the log that assigned them (a restart starts a
 * new one) and the sequence orders them. Short ASCII, safe in any {@code Last-Event-ID}.
 */
public final class EventIds {

    private static final Pattern FORMAT = Pattern.compile("([0-9a-z]{1,13})-([0-9]{1,18})");

    /** What a client's {@code Last-Event-ID} turned out to be. */
    public sealed interface Parsed {
    }

    /** An id of this log, at this sequence. */
    public record Known(long sequence) implements Parsed {
    }

    /** Well formed but from another log (an earlier run of the server). */
    record Foreign() implements Parsed {
    }

    /** Not an id this server could have written. */
    public record Malformed() implements Parsed {
    }

    private final String epoch;

    EventIds(String epoch) {
        if (!epoch.matches("[0-9a-z]{1,13}")) {
            throw new IllegalArgumentException("epoch must be 1-13 characters of [0-9a-z]");
        }
        this.epoch = epoch;
    }

    String format(long sequence) {
        return epoch + "-" + sequence;
    }

    Parsed parse(String id) {
        if (id == null || id.length() > 40) {
            return new Malformed();
        }
        var match = FORMAT.matcher(id);
        if (!match.matches()) {
            return new Malformed();
        }
        if (!match.group(1).equals(epoch)) {
            return new Foreign();
        }
        return new Known(Long.parseLong(match.group(2)));
    }
}
