package dev.ssenotify.stream.boundary;

import dev.ssenotify.web.control.CallerClaims;
import dev.ssenotify.web.control.ClientAddresses;
import dev.ssenotify.config.SseConfig;
import dev.ssenotify.notify.entity.RejectReason;
import dev.ssenotify.stream.control.ConnectionRejectedException;
import dev.ssenotify.stream.control.OpenStream;
import dev.ssenotify.stream.control.Streams;
import dev.ssenotify.notify.entity.Topics;
import dev.ssenotify.topics.control.TopicAccess;
import dev.ssenotify.web.control.ProblemException;
import dev.ssenotify.web.control.Problems;
import dev.ssenotify.web.control.SessionIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import java.util.regex.Pattern;
import java.security.Principal;

/**
 * {@code GET /api/sse}: opens the caller's event stream. Anonymous callers are welcome; the user is the
 * container's caller principal and the session the opaque id from the caller's HTTP session. A
 * {@code Last-Event-ID} header (or {@code lastEventId} parameter) asks for the events missed since; a
 * {@code clientKey} names the logical client (a browser tab) across reconnects, so that its new stream
 * replaces its own stale one instead of counting against the user's limit. Each {@code topic} parameter
 * subscribes it to a topic or pattern the caller may subscribe to (400 when malformed or too many, 403 when
 * refused).
 */
@Path("sse")
// One instance: building a request-scoped resource per stream (CDI, then Jersey's injection analysis)
// was among the locks new streams queued on.
@ApplicationScoped
public class SseResource {

    @Inject
    ClientAddresses addresses;
    @Inject
    Streams streams;
    @Inject
    SseConfig config;
    @Inject
    TopicAccess topicAccess;

    private static final Pattern CLIENT_KEY = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void open(@HeaderParam("Last-Event-ID") String lastEventIdHeader,
                     @QueryParam("lastEventId") String lastEventIdParam,
                     @QueryParam("clientKey") String clientKey,
                     @QueryParam("topic") List<String> topicParams,
                     @Context SseEventSink sink, @Context HttpServletRequest request) {
        if (clientKey != null && !CLIENT_KEY.matcher(clientKey).matches()) {
            throw new ProblemException(Problems.response(400, "Bad Request",
                    "clientKey must be 1-64 characters of A-Z, a-z, 0-9, '-' and '_'").build());
        }
        Topics topics = topicAccess.subscribe(topicParams, request);
        Principal principal = request.getUserPrincipal();
        String userId = principal == null ? null : principal.getName();
        // The header wins: it is what a reconnecting browser sends; the parameter serves first connections.
        String lastEventId = lastEventIdHeader != null ? lastEventIdHeader : lastEventIdParam;
        try {
            OpenStream stream = streams.open(userId, SessionIds.current(request), topics, lastEventId, clientKey,
                    addresses.of(request), CallerClaims.expiry(request), sink);
            // Writing begins once this dispatch has returned and the runtime has started the response.
            request.setAttribute(StreamStartFilter.ATTRIBUTE, stream);
        } catch (ConnectionRejectedException e) {
            throw rejection(e);
        }
    }

    // Both carry Retry-After: a browser's EventSource gives up for good on an error status, so the JS client
    // and any other client that can read it know when to come back.
    private ProblemException rejection(ConnectionRejectedException e) {
        long retryAfter = Math.max(1, config.reconnectRetry().toSeconds());
        Response.ResponseBuilder problem = e.reason() != RejectReason.SERVER_LIMIT && e.reason() != RejectReason.SHUTTING_DOWN
                ? Problems.response(Response.Status.TOO_MANY_REQUESTS, e.getMessage())
                : Problems.response(Response.Status.SERVICE_UNAVAILABLE, e.getMessage());
        return new ProblemException(problem.header(HttpHeaders.RETRY_AFTER, retryAfter).build());
    }
}
