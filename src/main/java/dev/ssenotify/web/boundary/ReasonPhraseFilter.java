package dev.ssenotify.web.boundary;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * Makes a 429 leave with the status line {@code 429 Too Many Requests}. Some containers (Payara's Grizzly)
 * know no reason phrase for 429 and write {@code 429 CUSTOM}; only {@code sendError} sets one, and it
 * replaces the body with the error page. So the problem body is kept in the request, the runtime is left to
 * call {@code sendError} (it does for an error response without an entity), and the error page
 * ({@link ProblemErrorServlet}) writes the body back. Headers such as {@code Retry-After} stay.
 */
@Provider
public class ReasonPhraseFilter implements ContainerResponseFilter {

    @Context
    HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext requestContext, ContainerResponseContext response) {
        if (response.getStatus() == 429 && response.getEntity() instanceof String body) {
            request.setAttribute(ProblemErrorServlet.BODY, body);
            response.setEntity(null);
        }
    }
}
