package dev.ssenotify.notify.boundary;

import dev.ssenotify.web.control.ClientAddresses;
import dev.ssenotify.config.SseConfig;
import dev.ssenotify.notify.entity.ClientInfo;
import dev.ssenotify.notify.entity.Receipt;
import dev.ssenotify.notify.entity.SseEvent;
import dev.ssenotify.notify.entity.SseTarget;
import dev.ssenotify.stream.control.Streams;
import dev.ssenotify.web.control.JsonBodies;
import dev.ssenotify.web.control.ProblemException;
import dev.ssenotify.web.control.Problems;
import dev.ssenotify.web.control.SessionIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.security.Principal;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code GET /api/sse-test} serves the stats; {@code POST /api/sse-test} sends a test event. A caller may
 * target its own user, its own session or one of its own clients; a topic needs role {@code sse-publisher}
 * ({@link TopicPublishing}); anything else needs role {@code sse-admin}. Off (404) with {@code sse.test-endpoint.enabled=false}.
 */
@Path("sse-test")
// One instance, no request scope: the body arrives on a dispatch of its own (BodyReadFilter), and the request
// is handed to each method.
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class SseTestResource {

    // Room for the largest allowed data plus the other fields.
    private static final int BODY_OVERHEAD_BYTES = 16 * 1024;

    @Inject
    ClientAddresses addresses;
    @Inject
    SseService service;
    @Inject
    Streams streams;
    @Inject
    SseConfig config;
    // Off unless asked for: it lets any caller publish (demo and tests).
    @Inject
    @ConfigProperty(name = "sse.test-endpoint.enabled", defaultValue = "false")
    boolean enabled;
    @Inject
    StatsJson statsJson;

    /** This instance's stats; in cluster mode also every live instance's and their totals. */
    @GET
    public JsonObject stats() {
        requireEnabled();
        return statsJson.current();
    }

    @POST
    public Response send(@HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type, InputStream body,
                         @Context HttpServletRequest request) {
        requireEnabled();
        TestEventRequest input = TestEventRequest.from(
                JsonBodies.readObject(type, body, config.maxEventBytes() + BODY_OVERHEAD_BYTES));
        SseEvent event = input.toEvent();
        SseTarget target = authorizedTarget(input, request);
        Receipt receipt;
        try {
            receipt = service.sendEventAs(addresses.publisherOf(request), event, target).toCompletableFuture().join();
        } catch (java.util.concurrent.CompletionException e) {
            // The shared log is unreachable: say so, never drop the event silently.
            throw new ProblemException(Problems.response(Response.Status.SERVICE_UNAVAILABLE,
                    "the event could not be stored; try again").header(HttpHeaders.RETRY_AFTER, 5).build());
        }
        return Response.accepted(Outcomes.receipt(receipt)).build();
    }

    private void requireEnabled() {
        if (!enabled) {
            throw ProblemException.notFound("the test endpoint is disabled (sse.test-endpoint.enabled=false)");
        }
    }

    private SseTarget authorizedTarget(TestEventRequest input, HttpServletRequest request) {
        Principal principal = request.getUserPrincipal();
        String caller = principal == null ? null : principal.getName();
        String callerSession = SessionIds.current(request);
        switch (input.target()) {
            case "user" -> {
                String userId = input.userId() != null ? input.userId() : caller;
                if (userId == null) {
                    // Like every other anonymous send to someone: who the caller is decides, not the body.
                    throw ProblemException.unauthorized("log in to send events to a user");
                }
                requireOwnOrAdmin(request, caller, userId.equals(caller));
                return SseTarget.user(userId);
            }
            case "session" -> {
                String sessionId = input.sessionId() != null ? input.sessionId() : callerSession;
                if (sessionId == null) {
                    throw ProblemException.badRequest("'sessionId' is required: the caller has no session");
                }
                requireOwnOrAdmin(request, caller, sessionId.equals(callerSession));
                return SseTarget.session(sessionId);
            }
            case "client" -> {
                if (input.clientId() == null) {
                    throw ProblemException.badRequest("'clientId' is required for target client");
                }
                Optional<ClientInfo> client = streams.find(input.clientId());
                boolean own = client.map(c -> owns(caller, callerSession, c)).orElse(false);
                requireOwnOrAdmin(request, caller, own);
                return SseTarget.client(input.clientId());
            }
            case "broadcast" -> {
                requireOwnOrAdmin(request, caller, false);
                return SseTarget.broadcast();
            }
            case "topic" -> {
                return TopicPublishing.target(input.topic(), request);
            }
            default -> {
                requireOwnOrAdmin(request, caller, false);
                return SseTarget.all();
            }
        }
    }

    private static boolean owns(String caller, String callerSession, ClientInfo client) {
        return (caller != null && caller.equals(client.userId()))
                || (callerSession != null && Objects.equals(callerSession, client.sessionId()));
    }

    private static void requireOwnOrAdmin(HttpServletRequest request, String caller, boolean own) {
        if (own || request.isUserInRole(SseService.ADMIN_ROLE)) {
            return;
        }
        if (caller == null && !own) {
            throw ProblemException.unauthorized("log in to send events to others");
        }
        throw ProblemException.forbidden("sending to another user, session or client needs role "
                + SseService.ADMIN_ROLE);
    }
}
