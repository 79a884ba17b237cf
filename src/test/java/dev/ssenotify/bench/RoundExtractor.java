package dev.ssenotify.bench;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the benchmark round in an event. Servers frame events differently (this app names them, nchan sends
 * plain "message" events), so the filter is an optional event name plus a numeric key in the data JSON.
 */
final class RoundExtractor {

    /** Returned for events that are not benchmark events (connected notices, pings). */
    static final int NONE = -1;

    private final String eventName;
    private final Pattern key;

    /** {@code eventName} null or empty accepts any event name. */
    RoundExtractor(String eventName, String roundKey) {
        this.eventName = eventName == null || eventName.isEmpty() ? null : eventName;
        this.key = Pattern.compile("\"" + Pattern.quote(roundKey) + "\"\\s*:\\s*(\\d{1,9})");
    }

    int round(SseEvent event) {
        if (eventName != null && !eventName.equals(event.event())) {
            return NONE;
        }
        Matcher m = key.matcher(event.data());
        return m.find() ? Integer.parseInt(m.group(1)) : NONE;
    }
}
