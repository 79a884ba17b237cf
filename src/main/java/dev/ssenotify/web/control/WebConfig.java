package dev.ssenotify.web.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The HTTP settings: who may call cross-origin, the origin the server is reached at, cookies and bodies. */
@ApplicationScoped
public class WebConfig {

    // Read as one string: Payara's Config cannot inject Optional<List<String>>.
    @Inject
    @ConfigProperty(name = "sse.cors.allowed-origins")
    Optional<String> allowedOrigins;

    @Inject
    @ConfigProperty(name = "sse.public-origin")
    Optional<String> publicOrigin;

    @Inject
    @ConfigProperty(name = "sse.cookie.secure", defaultValue = "false")
    boolean cookieSecure;

    @Inject
    @ConfigProperty(name = "sse.http.body-timeout", defaultValue = "PT10S")
    Duration bodyTimeout;

    // Read here too (it is the notification layer's key): the largest body is an event's data plus the rest.
    @Inject
    @ConfigProperty(name = "sse.max-event-bytes", defaultValue = "65536")
    int maxEventBytes;

    // A batch of events to POST /api/events: up to sse.publish.max-batch of them.
    @Inject
    @ConfigProperty(name = "sse.publish.max-body-bytes", defaultValue = "1048576")
    int maxPublishBodyBytes;

    @Inject
    @ConfigProperty(name = "sse.http.trusted-proxies")
    Optional<String> trustedProxies;

    private static final String PUBLISH_PATH = "/api/events";

    @PostConstruct
    void validate() {
        if (bodyTimeout.isNegative() || bodyTimeout.isZero()) {
            throw new IllegalStateException("sse.http.body-timeout must be positive, got " + bodyTimeout);
        }
        publicOrigin().ifPresent(origin -> {
            if (Origins.normalize(origin) == null) {
                throw new IllegalStateException("sse.public-origin must be an origin like https://example.com, got '"
                        + origin + "'");
            }
        });
    }

    public List<String> allowedOrigins() {
        return Arrays.stream(allowedOrigins.orElse("").split(","))
                .map(String::trim)
                .filter(origin -> !origin.isEmpty())
                .toList();
    }

    /** Addresses of the reverse proxies whose {@code X-Forwarded-For} is believed ({@link ClientAddresses}). */
    public List<String> trustedProxies() {
        return Arrays.stream(trustedProxies.orElse("").split(",")).map(String::trim).filter(a -> !a.isEmpty()).toList();
    }

    /** The origin browsers reach this server at, when configured; else the request's own scheme and Host. */
    public Optional<String> publicOrigin() {
        return publicOrigin.map(String::trim).filter(origin -> !origin.isEmpty());
    }

    /** True: the session cookie is always {@code Secure}; else only on requests that came over HTTPS. */
    public boolean cookieSecure() {
        return cookieSecure;
    }

    /** The largest request body any endpoint takes: an event of {@code sse.max-event-bytes} and its fields. */
    public int maxBodyBytes() {
        return maxEventBytes + 16 * 1024;
    }

    /** The largest body of {@code POST /api/events}, a batch ({@code sse.publish.max-body-bytes}); never below one event's. */
    public int maxPublishBodyBytes() {
        return Math.max(maxPublishBodyBytes, maxBodyBytes());
    }

    /** The largest body of a request to this path ({@code /api/events} takes batches). */
    public int maxBodyBytes(String path) {
        return PUBLISH_PATH.equals(path) ? maxPublishBodyBytes() : maxBodyBytes();
    }

    /** How long a client may take to send a whole request body. */
    public Duration bodyTimeout() {
        return bodyTimeout;
    }
}
