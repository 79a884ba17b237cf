package dev.ssenotify.web.boundary;

import dev.ssenotify.web.control.AuthenticationFailure;
import dev.ssenotify.web.control.Problems;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers a request whose credentials were refused ({@link AuthenticationFailure}) with its 401 or 429
 * problem, before any endpoint runs: bad credentials never pass for anonymous.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFailureFilter implements ContainerRequestFilter {

    @Context
    HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext context) {
        AuthenticationFailure failure = AuthenticationFailure.of(request);
        if (failure == null) {
            return;
        }
        String title = failure.status() == 429 ? "Too Many Requests" : "Unauthorized";
        Response.ResponseBuilder problem = Problems.response(failure.status(), title, failure.detail());
        failure.headers().forEach(problem::header);
        context.abortWith(problem.build());
    }
}
