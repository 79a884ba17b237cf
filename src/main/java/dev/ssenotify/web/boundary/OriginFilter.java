package dev.ssenotify.web.boundary;

import dev.ssenotify.web.control.Origins;
import dev.ssenotify.web.control.Problems;
import dev.ssenotify.web.control.WebConfig;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * Cross-origin rules for {@code /api/*}: a state-changing request from a foreign {@code Origin} is refused
 * (403) unless that origin is in {@code sse.cors.allowed-origins}; so is opening a stream ({@code GET /api/sse}),
 * which is not a plain read: it delivers, and so uses up, the caller's queued events. Listed origins get CORS
 * with credentials (never {@code *}) and may send {@code Last-Event-ID}. Requests without {@code Origin} pass.
 * The server's own origin is {@code sse.public-origin} when set (behind a proxy), else the request's scheme
 * and {@code Host}.
 */
// Also on the ASYNC dispatch that BodyReadFilter makes once a body is read: filters run in no set order.
@WebFilter(urlPatterns = "/api/*", asyncSupported = true, dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ASYNC})
public class OriginFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    transient WebConfig config;

    private transient Origins origins;

    @Override
    public void init() {
        origins = new Origins(config.allowedOrigins());
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String origin = request.getHeader("Origin");
        if (origin == null) {
            chain.doFilter(request, response);
            return;
        }
        boolean same = config.publicOrigin()
                .map(own -> Origins.sameAs(origin, own))
                .orElseGet(() -> Origins.isSameOrigin(origin, request.getScheme(), request.getHeader("Host")));
        boolean listed = !same && origins.isListed(origin);
        boolean preflight = "OPTIONS".equals(request.getMethod())
                && request.getHeader("Access-Control-Request-Method") != null;
        if (listed) {
            response.setHeader("Access-Control-Allow-Origin", origin);
            response.setHeader("Access-Control-Allow-Credentials", "true");
            response.setHeader("Vary", "Origin");
        }
        if (preflight) {
            if (!same && !listed) {
                refuse(response);
                return;
            }
            response.setHeader("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
            response.setHeader("Access-Control-Allow-Headers", "Content-Type, Last-Event-ID, Authorization");
            response.setHeader("Access-Control-Max-Age", "600");
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        if (!same && !listed && (!SAFE_METHODS.contains(request.getMethod()) || opensStream(request))) {
            refuse(response);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean opensStream(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return "GET".equals(request.getMethod()) && (path.equals("/api/sse") || path.equals("/api/sse/"));
    }

    private static void refuse(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType(Problems.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(Problems.json(403, "Forbidden",
                "requests from this origin are not allowed (sse.cors.allowed-origins)"));
    }
}
