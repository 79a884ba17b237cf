package dev.ssenotify.notify.boundary;

import dev.ssenotify.limits.entity.RateLimitedException;
import dev.ssenotify.notify.entity.EventTooLargeException;
import dev.ssenotify.notify.entity.InvalidEventException;
import dev.ssenotify.notify.entity.Receipt;
import dev.ssenotify.web.control.Jsonp;
import dev.ssenotify.web.control.Problems;
import jakarta.json.JsonObject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.util.concurrent.CompletionException;

/**
 * What became of each event of a publish, as JSON: its receipt, or the problem the same event alone would
 * have been answered with (same status, title and detail), so a batch reports per event.
 */
final class Outcomes {

    private Outcomes() {
    }

    static JsonObject receipt(Receipt receipt) {
        return Jsonp.object()
                .add("status", 202)
                .add("eventId", receipt.eventId())
                .add("target", receipt.target())
                .add("queued", receipt.queued())
                .add("duplicate", receipt.duplicate())
                .build();
    }

    /** The problem for an exception publishing one event; unknown exceptions are rethrown. */
    static JsonObject problem(RuntimeException failure) {
        if (failure instanceof InvalidEventException) {
            return problem(400, "Bad Request", failure.getMessage());
        }
        if (failure instanceof EventTooLargeException) {
            return problem(413, "Content Too Large", failure.getMessage());
        }
        if (failure instanceof RateLimitedException limited) {
            return Jsonp.object(problem(429, "Too Many Requests", limited.getMessage()))
                    .add("retryAfter", limited.retryAfterSeconds()).build();
        }
        if (failure instanceof CompletionException) {
            return problem(503, "Service Unavailable", "the event could not be stored; try again");
        }
        if (failure instanceof WebApplicationException web && web.getResponse().getEntity() instanceof String body) {
            return Jsonp.reader(new StringReader(body)).readObject();
        }
        if (failure instanceof WebApplicationException web) {
            Response.StatusType status = web.getResponse().getStatusInfo();
            return problem(status.getStatusCode(), status.getReasonPhrase(), failure.getMessage());
        }
        throw failure;
    }

    private static JsonObject problem(int status, String title, String detail) {
        return Jsonp.reader(new StringReader(Problems.json(status, title, detail))).readObject();
    }
}
