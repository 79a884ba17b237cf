package dev.ssenotify.ack.boundary;

import dev.ssenotify.ack.control.Acknowledgements;
import dev.ssenotify.web.control.JsonBodies;
import dev.ssenotify.web.control.Jsonp;
import dev.ssenotify.web.control.ProblemException;
import dev.ssenotify.web.control.SessionIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
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

/**
 * {@code POST /api/sse/ack} with {@code {"lastEventId": "..."}}: the caller has handled every event up to
 * that id. Only events the caller could have received may be acknowledged; any other id gets the same 400.
 */
@Path("sse/ack")
// One instance, no request scope: the body arrives on a dispatch of its own (BodyReadFilter), and the request
// is handed to each method.
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class AckResource {

    private static final int MAX_BODY_BYTES = 1024;

    @Inject
    Acknowledgements acknowledgements;

    @POST
    public JsonObject acknowledge(@HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type, InputStream body,
                                  @Context HttpServletRequest request) {
        String lastEventId = JsonBodies.optionalString(JsonBodies.readObject(type, body, MAX_BODY_BYTES), "lastEventId");
        if (lastEventId == null || lastEventId.isEmpty()) {
            throw ProblemException.badRequest("'lastEventId' is required");
        }
        Principal principal = request.getUserPrincipal();
        String userId = principal == null ? null : principal.getName();
        String sessionId = SessionIds.current(request);
        if (userId == null && sessionId == null) {
            throw ProblemException.unauthorized("acknowledgements need a user or a session");
        }
        if (acknowledgements.acknowledge(userId, sessionId, lastEventId) == Acknowledgements.Outcome.NOT_ACKABLE) {
            throw ProblemException.badRequest("'lastEventId' is not the id of an event you can acknowledge");
        }
        return Jsonp.object().add("lastEventId", lastEventId).build();
    }
}
