package dev.ssenotify.web.control;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides whether a browser {@code Origin} is trusted: the server's own origin always is, others only when
 * listed in {@code sse.cors.allowed-origins}. Comparison is on scheme, host and port, with default ports
 * made explicit, so {@code http://a} and {@code http://a:80} are the same origin.
 */
public final class Origins {

    private final Set<String> allowed;

    public Origins(List<String> allowedOrigins) {
        this.allowed = allowedOrigins.stream()
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(Origins::normalize)
                .filter(s -> s != null)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** True when the origin is the request's own ({@code scheme} and {@code Host} header). */
    public static boolean isSameOrigin(String origin, String requestScheme, String hostHeader) {
        if (hostHeader == null || hostHeader.isBlank()) {
            return false;
        }
        String own = normalize(requestScheme + "://" + hostHeader.trim());
        String candidate = normalize(origin);
        return own != null && own.equals(candidate);
    }

    /** True when both name the same origin (configured as {@code sse.public-origin}). */
    public static boolean sameAs(String origin, String own) {
        String candidate = normalize(origin);
        return candidate != null && candidate.equals(normalize(own));
    }

    public boolean isListed(String origin) {
        String candidate = normalize(origin);
        return candidate != null && allowed.contains(candidate);
    }

    /** {@code scheme://host:port} in lower case, or null for anything that is not an http(s) origin. */
    static String normalize(String origin) {
        if (origin == null || origin.isBlank() || "null".equals(origin)) {
            return null;
        }
        try {
            URI uri = new URI(origin.trim());
            String scheme = uri.getScheme();
            String host = uri.getHost();
            if (scheme == null || host == null) {
                return null;
            }
            scheme = scheme.toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return null;
            }
            if ((uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/"))
                    || uri.getQuery() != null || uri.getUserInfo() != null) {
                return null;
            }
            int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
            return scheme + "://" + host.toLowerCase(Locale.ROOT) + ":" + port;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }
}
