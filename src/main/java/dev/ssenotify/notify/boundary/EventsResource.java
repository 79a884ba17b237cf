package dev.ssenotify.notify.boundary;

import dev.ssenotify.notify.entity.Receipt;
import dev.ssenotify.web.control.ClientAddresses;
import dev.ssenotify.web.control.Jsonp;
import dev.ssenotify.web.control.ProblemException;
import dev.ssenotify.web.control.Problems;
import dev.ssenotify.web.control.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The publish API for backends. {@code POST /api/events} takes one event (the JSON of {@code POST /api/sse-test})
 * or an array of up to {@code sse.publish.max-batch}; callers need role {@code sse-publisher} or
 * {@code sse-admin} and may address anyone. One event is answered like the test endpoint (202 with its receipt,
 * or its problem); an array gets 202 with one entry per event, in order: a receipt ({@code status} 202) or the
 * problem that event alone would have got. An event's {@code id} is its idempotency key: a retried publish
 * answers {@code duplicate: true} with the first event's id and sends nothing. {@code GET /api/events/stats}
 * ({@code sse-admin}) serves the stats, so the test endpoint can stay off.
 */
@Path("events")
// One instance, no request scope: the body arrives on a dispatch of its own (BodyReadFilter).
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class EventsResource {

    @Inject
    SseService service;
    @Inject
    ClientAddresses addresses;
    @Inject
    PublishBody bodies;
    @Inject
    StatsJson statsJson;
    @Inject
    @ConfigProperty(name = "sse.publish.max-batch", defaultValue = "100")
    int maxBatch;

    @POST
    public Response publish(@HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type, InputStream body,
                            @Context HttpServletRequest request) {
        require(request, Roles.PUBLISHER);
        JsonValue json = bodies.read(type, body);
        String publisher = addresses.publisherOf(request);
        if (json.getValueType() == JsonValue.ValueType.OBJECT) {
            PublishRequest one = PublishRequest.from(json.asJsonObject());
            try {
                Receipt receipt = send(publisher, one).join();
                return Response.accepted(Outcomes.receipt(receipt)).build();
            } catch (CompletionException e) {
                throw new ProblemException(Response.status(503).type(Problems.MEDIA_TYPE)
                        .entity(Outcomes.problem(e).toString()).header(HttpHeaders.RETRY_AFTER, 5).build());
            }
        }
        List<JsonValue> events = json.asJsonArray();
        if (events.isEmpty()) {
            throw ProblemException.badRequest("the array holds no events");
        }
        if (events.size() > maxBatch) {
            throw new ProblemException(Response.Status.REQUEST_ENTITY_TOO_LARGE, "a batch holds at most " + maxBatch
                    + " events (sse.publish.max-batch); this one has " + events.size());
        }
        return Response.accepted(batch(publisher, events)).build();
    }

    /** Sends every valid event in order without waiting in between, then collects the receipts in order. */
    private JsonValue batch(String publisher, List<JsonValue> events) {
        List<Object> pending = new ArrayList<>(events.size());
        for (JsonValue value : events) {
            try {
                if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                    throw ProblemException.badRequest("each event must be a JSON object");
                }
                pending.add(send(publisher, PublishRequest.from(value.asJsonObject())));
            } catch (RuntimeException e) {
                pending.add(Outcomes.problem(e));
            }
        }
        JsonArrayBuilder out = Jsonp.array();
        for (Object entry : pending) {
            if (entry instanceof CompletableFuture<?> sent) {
                try {
                    out.add(Outcomes.receipt((Receipt) sent.join()));
                } catch (CompletionException e) {
                    out.add(Outcomes.problem(e));
                }
            } else {
                out.add((JsonObject) entry);
            }
        }
        return out.build();
    }

    private CompletableFuture<Receipt> send(String publisher, PublishRequest request) {
        return service.sendEventAs(publisher, request.event(), request.target()).toCompletableFuture();
    }

    @GET
    @Path("stats")
    public JsonObject stats(@Context HttpServletRequest request) {
        require(request, null);
        return statsJson.current();
    }

    /** 401 for an anonymous caller, 403 without {@code sse-admin} or the given role. */
    private static void require(HttpServletRequest request, String role) {
        if (request.getUserPrincipal() == null) {
            throw ProblemException.unauthorized("publishing needs a caller with role " + Roles.PUBLISHER
                    + " (a token, or an API key sent as Authorization: Bearer)");
        }
        if (!request.isUserInRole(Roles.ADMIN) && (role == null || !request.isUserInRole(role))) {
            throw ProblemException.forbidden(role == null ? "the stats need role " + Roles.ADMIN
                    : "publishing needs role " + Roles.PUBLISHER + " or " + Roles.ADMIN);
        }
    }
}
