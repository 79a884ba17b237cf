package dev.ssenotify.topics.boundary;

import dev.ssenotify.notify.entity.ClientInfo;
import dev.ssenotify.notify.entity.TopicPattern;
import dev.ssenotify.notify.entity.Topics;
import dev.ssenotify.stream.control.Subscriptions;
import dev.ssenotify.topics.control.TopicAccess;
import dev.ssenotify.topics.control.TopicsConfig;
import dev.ssenotify.web.control.JsonBodies;
import dev.ssenotify.web.control.Jsonp;
import dev.ssenotify.web.control.ProblemException;
import dev.ssenotify.web.control.SessionIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code POST /api/sse/subscriptions} with {@code {"clientId","add":[...],"remove":[...]}}: changes the topics
 * of one of the caller's own open streams (same user, or same session), which then gets {@code sse.subscribed}.
 * Added patterns are checked as on connect (400, 403); an unknown stream and someone else's get the same 404.
 * Answers {@code {"clientId","topics":[...]}}.
 */
@Path("sse/subscriptions")
// One instance, no request scope: the body arrives on a dispatch of its own (BodyReadFilter).
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class SubscriptionsResource {

    @Inject
    Subscriptions subscriptions;
    @Inject
    TopicAccess access;
    @Inject
    TopicsConfig config;

    @POST
    public JsonObject change(@HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type, InputStream body,
                             @Context HttpServletRequest request) {
        int max = config.maxPerStream();
        JsonObject json = JsonBodies.readObject(type, body, 2 * max * (TopicPattern.MAX_LENGTH + 8) + 1024);
        String clientId = JsonBodies.optionalString(json, "clientId");
        if (clientId == null || clientId.isEmpty()) {
            throw ProblemException.badRequest("'clientId' is required");
        }
        List<TopicPattern> add = access.parse(strings(json, "add", max), "add");
        List<TopicPattern> remove = access.parse(strings(json, "remove", max), "remove");
        requireOwn(clientId, request);
        access.authorize(add, request);
        Topics topics = subscriptions.change(clientId, before -> access.capped(before.change(add, remove)))
                .orElseThrow(() -> notFound());
        return Jsonp.object().add("clientId", clientId).add("topics", Jsonp.array(topics.names())).build();
    }

    private void requireOwn(String clientId, HttpServletRequest request) {
        Principal principal = request.getUserPrincipal();
        String caller = principal == null ? null : principal.getName();
        String session = SessionIds.current(request);
        ClientInfo owner = subscriptions.find(clientId).map(Subscriptions.Subscriber::info).orElse(null);
        boolean own = owner != null && ((caller != null && caller.equals(owner.userId()))
                || (session != null && Objects.equals(session, owner.sessionId())));
        if (!own) {
            throw notFound();
        }
    }

    // The same answer whether the stream does not exist or is someone else's: ids cannot be probed.
    private static ProblemException notFound() {
        return ProblemException.notFound("no such stream of yours");
    }

    private static List<String> strings(JsonObject json, String name, int max) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return List.of();
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY || value.asJsonArray().size() > max) {
            throw ProblemException.badRequest("'" + name + "' must be an array of at most " + max + " topics");
        }
        List<String> out = new ArrayList<>();
        for (JsonValue item : value.asJsonArray()) {
            if (!(item instanceof JsonString text)) {
                throw ProblemException.badRequest("'" + name + "' must hold topic strings only");
            }
            out.add(text.getString());
        }
        return out;
    }
}
