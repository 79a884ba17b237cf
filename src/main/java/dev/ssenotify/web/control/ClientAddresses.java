package dev.ssenotify.web.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The address a request comes from, for the per-address limits. Behind a reverse proxy every request comes
 * from the proxy, so the limits would fall on all clients at once: when the peer is one of
 * {@code sse.http.trusted-proxies}, the address is the last hop of {@code X-Forwarded-For} that is not a
 * trusted proxy itself. From anyone else the header is ignored: a client could write any address into it.
 */
@ApplicationScoped
public class ClientAddresses {

    private final Set<String> trusted;

    /** For CDI's proxy. */
    protected ClientAddresses() {
        this.trusted = Set.of();
    }

    @Inject
    public ClientAddresses(WebConfig config) {
        this(config.trustedProxies());
    }

    ClientAddresses(List<String> trustedProxies) {
        this.trusted = trustedProxies.stream().map(String::trim).filter(a -> !a.isEmpty()).collect(Collectors.toSet());
    }

    public String of(HttpServletRequest request) {
        return of(request.getRemoteAddr(), Collections.list(request.getHeaders("X-Forwarded-For")));
    }

    /** Whose rate bucket a publish over HTTP is counted in: the signed-in user, else the session, else the address. */
    public String publisherOf(HttpServletRequest request) {
        Principal principal = request.getUserPrincipal();
        if (principal != null) {
            return "user:" + principal.getName();
        }
        String session = SessionIds.current(request);
        return session != null ? "session:" + session : "address:" + of(request);
    }

    /** @param forwarded every {@code X-Forwarded-For} header, in order; each a comma-separated list of hops */
    String of(String peer, List<String> forwarded) {
        if (!trusted.contains(peer)) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwarded) {
            Arrays.stream(header.split(",")).map(String::trim).filter(h -> !h.isEmpty()).forEach(hops::add);
        }
        // Each proxy appends the address it got the request from: read from the right, past our own proxies.
        for (int i = hops.size() - 1; i >= 0; i--) {
            if (!trusted.contains(hops.get(i))) {
                return hops.get(i);
            }
        }
        return hops.isEmpty() ? peer : hops.get(0);
    }
}
