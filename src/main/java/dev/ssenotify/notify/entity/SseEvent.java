package dev.ssenotify.notify.entity;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One event to push: a name, a payload serialized as JSON, and optionally an id and a reconnect delay.
 * <p>
 * The constructor rejects anything that could break the event-stream framing: names outside
 * {@code [A-Za-z0-9][A-Za-z0-9._:-]{0,63}} or in the reserved {@code sse.} namespace, ids over 128 bytes
 * or carrying CR, LF or NUL, and negative retry values.
 *
 * @param event       the event name browsers subscribe to
 * @param data        any object JSON-B can serialize; {@code null} is sent as JSON {@code null}
 * @param id          optional publisher id; {@code null} lets the server assign one
 * @param retryMillis optional reconnect delay announced to the client, in milliseconds
 * @param coalesceKey optional: a later event with the same key supersedes this one on a connection that has
 *                    not written it yet (progress updates); see {@link SendOptions#coalesceKey()}
 */
public record SseEvent(String event, Object data, String id, Long retryMillis, String coalesceKey) {

    public static final int MAX_ID_BYTES = 128;
    public static final String RESERVED_PREFIX = "sse.";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");
    private static final Pattern COALESCE_KEY = Pattern.compile("[A-Za-z0-9._:/-]{1,128}");

    public SseEvent {
        checkName(event);
        checkId(id);
        if (coalesceKey != null && !COALESCE_KEY.matcher(coalesceKey).matches()) {
            throw new InvalidEventException("coalesceKey", "coalesceKey must be 1-128 of A-Z, a-z, 0-9, '.', '_', ':', '/', '-'");
        }
        if (retryMillis != null && retryMillis < 0) {
            throw new InvalidEventException("retry", "retry must be zero or a positive number of milliseconds");
        }
    }

    /** An event every receiver gets in full (no coalescing). */
    public SseEvent(String event, Object data, String id, Long retryMillis) {
        this(event, data, id, retryMillis, null);
    }

    public static SseEvent of(String event, Object data) {
        return new SseEvent(event, data, null, null, null);
    }

    public SseEvent withId(String newId) {
        return new SseEvent(event, data, newId, retryMillis, coalesceKey);
    }

    public SseEvent withRetry(Long newRetryMillis) {
        return new SseEvent(event, data, id, newRetryMillis, coalesceKey);
    }

    /** The same event, superseded on a lagging connection by a later one with this key. */
    public SseEvent withCoalesceKey(String key) {
        return new SseEvent(event, data, id, retryMillis, key);
    }

    static void checkName(String name) {
        if (name == null || name.isEmpty()) {
            throw new InvalidEventException("event", "event name is required");
        }
        if (!NAME.matcher(name).matches()) {
            throw new InvalidEventException("event",
                    "event name must match [A-Za-z0-9][A-Za-z0-9._:-]{0,63}");
        }
        // Case-blind: a browser listener for "SSE.connected" must never be fed by a publisher.
        if (name.regionMatches(true, 0, RESERVED_PREFIX, 0, RESERVED_PREFIX.length())) {
            throw new InvalidEventException("event", "event names starting with 'sse.' are reserved for the server");
        }
    }

    static void checkId(String id) {
        if (id == null) {
            return;
        }
        if (id.isEmpty()) {
            throw new InvalidEventException("id", "id must not be empty");
        }
        if (id.indexOf('\r') >= 0 || id.indexOf('\n') >= 0 || id.indexOf('\0') >= 0) {
            throw new InvalidEventException("id", "id must not contain CR, LF or NUL");
        }
        if (id.getBytes(StandardCharsets.UTF_8).length > MAX_ID_BYTES) {
            throw new InvalidEventException("id", "id must be at most " + MAX_ID_BYTES + " bytes in UTF-8");
        }
    }

    @Override
    public String toString() {
        return "SseEvent[event=" + event + ", id=" + id + ", retryMillis=" + retryMillis
                + ", data=" + Objects.toString(data == null ? null : data.getClass().getSimpleName()) + "]";
    }
}
