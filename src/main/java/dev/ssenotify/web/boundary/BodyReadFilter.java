package dev.ssenotify.web.boundary;

import dev.ssenotify.web.control.AskedRoles;
import dev.ssenotify.web.control.Roles;
import dev.ssenotify.web.control.WebConfig;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads every request body under {@code /api/*} before the endpoint sees it, without holding a thread: the
 * request goes asynchronous, a {@link jakarta.servlet.ReadListener} collects the bytes as they arrive, and
 * only the whole body is dispatched (again, as {@code ASYNC}) to the endpoint, which reads it from memory. A
 * client that dribbles its body costs a socket and at most {@link WebConfig#maxBodyBytes()} bytes, never a
 * request thread; one that takes longer than {@code sse.http.body-timeout} gets 408, one that sends more
 * than the bound 413.
 */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true, dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ASYNC})
public class BodyReadFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final String BODY = BodyReadFilter.class.getName() + ".body";
    static final String ROLES = BodyReadFilter.class.getName() + ".roles";

    @Inject
    transient WebConfig config;
    @Resource
    transient ManagedScheduledExecutorService scheduler;
    // One controller per dispatch: a controller remembers its own activation, so one shared by concurrent
    // dispatches would let one think the context is active while another deactivates it.
    @Inject
    transient Instance<RequestContextController> requestContexts;
    // Roles other features ask about (the topics' role mapping): read now too, as the endpoint cannot.
    @Inject
    transient Instance<AskedRoles> askedRoles;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getDispatcherType() == DispatcherType.ASYNC) {
            Object body = request.getAttribute(BODY);
            if (body instanceof byte[] bytes) {
                request.removeAttribute(BODY);
                // Payara dispatches on a thread of its own with no CDI request context; the endpoints need one.
                RequestContextController requestContext = requestContexts.get();
                boolean activated = requestContext.activate();
                try {
                    @SuppressWarnings("unchecked")
                    Set<String> roles = (Set<String>) request.getAttribute(ROLES);
                    chain.doFilter(new BufferedBodyRequest(request, bytes, roles), response);
                } finally {
                    if (activated) {
                        requestContext.deactivate();
                    }
                    requestContexts.destroy(requestContext);
                }
            } else {
                chain.doFilter(request, response);
            }
            return;
        }
        if (request.getDispatcherType() != DispatcherType.REQUEST || !hasBody(request)) {
            chain.doFilter(request, response);
            return;
        }
        int max = config.maxBodyBytes(request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo()));
        if (request.getContentLengthLong() > max) {
            BodyReader.refuse(response, 413, "Content Too Large", "the request body is larger than " + max + " bytes");
            return;
        }
        ServletInputStream in = request.getInputStream();
        long length = request.getContentLengthLong();
        // The common case: a small body that came with its headers is all there already. Taking it now costs
        // no thread either, and spares the second dispatch.
        if (length > 0 && in.available() >= length) {
            chain.doFilter(new BufferedBodyRequest(request, in.readNBytes((int) length), null), response);
            return;
        }
        Set<String> asked = new HashSet<>();
        askedRoles.forEach(roles -> asked.addAll(roles.asked()));
        request.setAttribute(ROLES, Roles.held(request, asked));
        AsyncContext async = request.startAsync();
        async.setTimeout(config.bodyTimeout().toMillis());
        BodyReader reader = new BodyReader(async, in, length, max, config.bodyTimeout(), scheduler);
        async.addListener(reader);
        try {
            in.setReadListener(reader);
            reader.kick();
        } finally {
            reader.leaveFilter();
        }
    }

    // GET, HEAD and OPTIONS carry no body here; a body is announced by a length or by chunked coding.
    private static boolean hasBody(HttpServletRequest request) {
        String method = request.getMethod();
        if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
            return false;
        }
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }
}
