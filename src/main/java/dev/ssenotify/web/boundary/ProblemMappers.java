package dev.ssenotify.web.boundary;

import dev.ssenotify.web.control.Problems;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every error leaves as a problem body: the runtime's own errors (404, 405, 406, 415, ...) keep their status
 * but lose any HTML; anything unexpected is logged and answered 500 without a stack trace.
 */
public final class ProblemMappers {

    private ProblemMappers() {
    }

    @Provider
    public static class WebApplication implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException exception) {
            Response original = exception.getResponse();
            if (original != null && original.hasEntity()) {
                return original;
            }
            Response.StatusType status = original == null ? Response.Status.INTERNAL_SERVER_ERROR : original.getStatusInfo();
            Response.ResponseBuilder problem = Problems.response(status, status.getReasonPhrase());
            if (original != null) {
                original.getHeaders().forEach((name, values) -> {
                    if (!"Content-Type".equalsIgnoreCase(name)) {
                        values.forEach(value -> problem.header(name, value));
                    }
                });
            }
            return problem.build();
        }
    }

    @Provider
    public static class Unexpected implements ExceptionMapper<RuntimeException> {
        private static final Logger LOG = Logger.getLogger("dev.ssenotify.web");

        @Override
        public Response toResponse(RuntimeException exception) {
            if (exception instanceof WebApplicationException web) {
                return new WebApplication().toResponse(web);
            }
            LOG.log(Level.WARNING, "Unexpected error", exception);
            return Problems.response(Response.Status.INTERNAL_SERVER_ERROR, "The server could not handle this request").build();
        }
    }
}
