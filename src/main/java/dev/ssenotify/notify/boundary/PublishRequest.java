package dev.ssenotify.notify.boundary;

import dev.ssenotify.notify.entity.SseEvent;
import dev.ssenotify.notify.entity.SseTarget;
import dev.ssenotify.web.control.JsonBodies;
import dev.ssenotify.web.control.ProblemException;
import jakarta.json.JsonObject;
import java.util.Map;

/**
 * One event of {@code POST /api/events}: the JSON of {@code POST /api/sse-test}, checked by the same rules,
 * except that a publisher names its target's id outright (it has no user or session of its own to default to).
 *
 * @param event  the event, validated
 * @param target the target, validated
 */
record PublishRequest(SseEvent event, SseTarget target) {

    /** The member that carries each kind's id; broadcast and all have none. */
    private static final Map<String, String> ID_FIELDS = Map.of(
            "user", "userId", "session", "sessionId", "client", "clientId", "topic", "topic");

    /** Throws 400 ({@link ProblemException}, {@link dev.ssenotify.notify.entity.InvalidEventException}) or 413. */
    static PublishRequest from(JsonObject json) {
        TestEventRequest input = TestEventRequest.from(json);
        SseEvent event = input.toEvent();
        String field = ID_FIELDS.get(input.target());
        String id = field == null ? "" : JsonBodies.optionalString(json, field);
        if (field != null && (id == null || id.isBlank())) {
            throw ProblemException.badRequest("'" + field + "' is required for target " + input.target());
        }
        return new PublishRequest(event, SseTarget.of(input.target(), id));
    }
}
