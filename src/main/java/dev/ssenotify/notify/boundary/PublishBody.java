package dev.ssenotify.notify.boundary;

import dev.ssenotify.web.control.JsonBodies;
import dev.ssenotify.web.control.ProblemException;
import dev.ssenotify.web.control.WebConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;

/** Reads the body of {@code POST /api/events}: one JSON object or an array, at most {@code sse.publish.max-body-bytes}. */
@ApplicationScoped
class PublishBody {

    @Inject
    WebConfig config;

    JsonValue read(MediaType type, InputStream body) {
        JsonValue json = JsonBodies.readValue(type, body, config.maxPublishBodyBytes());
        if (json.getValueType() != JsonValue.ValueType.OBJECT && json.getValueType() != JsonValue.ValueType.ARRAY) {
            throw ProblemException.badRequest("the request body must be one event (a JSON object) or an array of them");
        }
        return json;
    }
}
