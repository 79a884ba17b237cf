package dev.ssenotify.notify.boundary;

import dev.ssenotify.limits.entity.RateLimitedException;
import dev.ssenotify.notify.entity.EventTooLargeException;
import dev.ssenotify.notify.entity.InvalidEventException;
import dev.ssenotify.telemetry.control.Telemetry;
import dev.ssenotify.web.control.Problems;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Invalid events are the caller's fault: 400, or 413 when the data is too large; a caller past a rate limit
 * gets 429 with {@code Retry-After}.
 */
public final class EventProblemMappers {

    private EventProblemMappers() {
    }

    @Provider
    public static class Invalid implements ExceptionMapper<InvalidEventException> {
        @Override
        public Response toResponse(InvalidEventException e) {
            return Problems.response(Response.Status.BAD_REQUEST, e.getMessage()).build();
        }
    }

    @Provider
    public static class RateLimited implements ExceptionMapper<RateLimitedException> {
        @Inject
        Telemetry telemetry;

        @Override
        public Response toResponse(RateLimitedException e) {
            telemetry.rateLimited(e.limit());
            return Problems.response(Response.Status.TOO_MANY_REQUESTS, e.getMessage())
                    .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds())
                    .build();
        }
    }

    @Provider
    public static class TooLarge implements ExceptionMapper<EventTooLargeException> {
        @Override
        public Response toResponse(EventTooLargeException e) {
            return Problems.response(Response.Status.REQUEST_ENTITY_TOO_LARGE, e.getMessage()).build();
        }
    }
}
