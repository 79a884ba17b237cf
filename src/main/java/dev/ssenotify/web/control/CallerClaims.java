package dev.ssenotify.web.control;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;

/**
 * What a caller's token says beyond its principal and roles, handed from the authentication mechanism to the
 * endpoints as request attributes: when the token expires (a stream closes then) and the topic patterns its
 * {@code sse_subscribe} claim grants. A caller authenticated by any other mechanism has neither.
 */
public final class CallerClaims {

    private static final String EXPIRY = CallerClaims.class.getName() + ".expiry";
    private static final String SUBSCRIBE = CallerClaims.class.getName() + ".subscribe";

    private CallerClaims() {
    }

    public static void set(HttpServletRequest request, Instant expiry, List<String> subscribe) {
        request.setAttribute(EXPIRY, expiry);
        request.setAttribute(SUBSCRIBE, List.copyOf(subscribe));
    }

    /** When the caller's credentials stop being valid, or null when they do not expire. */
    public static Instant expiry(HttpServletRequest request) {
        return request.getAttribute(EXPIRY) instanceof Instant expiry ? expiry : null;
    }

    /** The topic patterns the caller's token lets it subscribe to; empty without a token or the claim. */
    @SuppressWarnings("unchecked")
    public static List<String> subscribe(HttpServletRequest request) {
        return request.getAttribute(SUBSCRIBE) instanceof List<?> list ? (List<String>) list : List.of();
    }
}
