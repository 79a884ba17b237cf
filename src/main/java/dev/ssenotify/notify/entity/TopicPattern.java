package dev.ssenotify.notify.entity;

import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * A topic name ({@code orders/42}) or a pattern of one ({@code news/*}, {@code news/**}): segments separated by
 * {@code /}, each 1 or more of {@code A-Z a-z 0-9 . _ ~ : @ -}; in a pattern a segment may also be {@code *}
 * (exactly one segment) or {@code **} (zero or more), as a whole segment only. At most {@link #MAX_LENGTH}
 * characters. Immutable; equal when the text is.
 */
public final class TopicPattern {

    public static final int MAX_LENGTH = 200;
    static final String ONE = "*";
    static final String ANY = "**";
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._~:@-]+");

    private final String text;
    private final String[] segments;

    private TopicPattern(String text, String[] segments) {
        this.text = text;
        this.segments = segments;
    }

    /** A pattern, wildcards allowed; throws {@link IllegalArgumentException} saying what is wrong. */
    public static TopicPattern parse(String text) {
        return read(text, true);
    }

    /** A concrete topic name, as events are published to; no wildcards. */
    public static TopicPattern name(String text) {
        return read(text, false);
    }

    private static TopicPattern read(String text, boolean wildcards) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("a topic must not be empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a topic has at most " + MAX_LENGTH + " characters");
        }
        String[] segments = text.split("/", -1);
        for (String segment : segments) {
            if (segment.isEmpty()) {
                throw new IllegalArgumentException("a topic's segments must not be empty");
            }
            boolean wildcard = segment.equals(ONE) || segment.equals(ANY);
            if (wildcard && !wildcards) {
                throw new IllegalArgumentException("a topic to publish to must not hold wildcards");
            }
            if (!wildcard && !SEGMENT.matcher(segment).matches()) {
                throw new IllegalArgumentException("a topic's segments are made of A-Z a-z 0-9 . _ ~ : @ -"
                        + (wildcards ? ", or are * or ** as a whole" : ""));
            }
        }
        return new TopicPattern(text, segments);
    }

    public String text() {
        return text;
    }

    /** True when it holds no wildcard: it matches exactly the topic of the same name. */
    public boolean exact() {
        return Arrays.stream(segments).noneMatch(s -> s.equals(ONE) || s.equals(ANY));
    }

    /** Whether the topic name (already valid) is one this pattern matches. */
    public boolean matches(String topic) {
        return Coverage.matches(segments, topic.split("/", -1));
    }

    /**
     * Whether every topic {@code other} matches is matched by this pattern too: {@code news/**} covers
     * {@code news/*} and {@code news/a/b}; {@code news/*} does not cover {@code news/**}. Decided exactly for
     * any grant but one built to be costly, which covers nothing ({@link Coverage}).
     */
    public boolean covers(TopicPattern other) {
        return Coverage.covers(segments, other.segments);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TopicPattern pattern && pattern.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
