package dev.ssenotify.notify.boundary;

import dev.ssenotify.notify.entity.SseEvent;
import dev.ssenotify.web.control.JsonBodies;
import dev.ssenotify.web.control.ProblemException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Set;

/**
 * The body of {@code POST /api/sse-test}, checked field by field:
 * {@code {"event","data","target":"user|session|client|broadcast|all|topic","userId"?,"sessionId"?,"clientId"?,
 * "topic"?,"id"?,"retry"?,"coalesceKey"?}}.
 */
record TestEventRequest(String event, JsonValue data, String target, String userId, String sessionId,
                        String clientId, String id, Long retry, String coalesceKey, String topic) {

    private static final Set<String> TARGETS = Set.of("user", "session", "client", "broadcast", "all", "topic");

    static TestEventRequest from(JsonObject json) {
        String target = JsonBodies.optionalString(json, "target");
        if (target == null) {
            throw ProblemException.badRequest("'target' is required: one of user, session, client, broadcast, all, topic");
        }
        if (!TARGETS.contains(target)) {
            throw ProblemException.badRequest("unknown target; use one of user, session, client, broadcast, all, topic");
        }
        return new TestEventRequest(
                JsonBodies.optionalString(json, "event"),
                json.getOrDefault("data", JsonValue.NULL),
                target,
                JsonBodies.optionalString(json, "userId"),
                JsonBodies.optionalString(json, "sessionId"),
                JsonBodies.optionalString(json, "clientId"),
                JsonBodies.optionalString(json, "id"),
                retry(json.get("retry")),
                JsonBodies.optionalString(json, "coalesceKey"),
                JsonBodies.optionalString(json, "topic"));
    }

    private static Long retry(JsonValue value) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.NUMBER || !((JsonNumber) value).isIntegral()) {
            throw ProblemException.badRequest("'retry' must be a whole number of milliseconds");
        }
        try {
            return ((JsonNumber) value).longValueExact();
        } catch (ArithmeticException e) {
            throw ProblemException.badRequest("'retry' is out of range");
        }
    }

    /** Validates name, id and retry; throws InvalidEventException (400) when one is wrong. */
    SseEvent toEvent() {
        return new SseEvent(event, data, id, retry, coalesceKey);
    }
}
