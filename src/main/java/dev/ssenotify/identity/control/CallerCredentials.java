package dev.ssenotify.identity.control;

import dev.ssenotify.web.control.Roles;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;

/**
 * Finds and checks the credentials a request presents: a bearer token in the configured header when there is
 * one, else the configured cookie. An API key is tried first (a hash lookup), then the token as a JWT.
 * The settings are checked at startup, so a key that cannot be read fails the deployment, not every request.
 */
@ApplicationScoped
public class CallerCredentials {

    private static final String BEARER = "Bearer ";

    @Inject
    Config config;

    private TokenSettings settings;
    private TokenVerifier verifier;
    private ApiKeys apiKeys;

    @PostConstruct
    void read() {
        settings = TokenSettings.from(config);
        verifier = settings.enabled() ? new TokenVerifier(settings) : null;
        apiKeys = new ApiKeys(config.getOptionalValue("sse.publish.api-keys", String.class).orElse(""));
    }

    /** Observing startup creates the bean, so {@link #read} runs, and fails, at deployment. */
    void checkAtStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // nothing more: reading the settings was the check
    }

    /** The token the request carries, or empty when it carries none (other credentials may apply then). */
    public Optional<String> token(HttpServletRequest request) {
        if (!settings.cookieOnly()) {
            String header = request.getHeader(settings.header());
            if (header != null && !header.isBlank()) {
                if (!"Authorization".equalsIgnoreCase(settings.header())) {
                    return Optional.of(stripBearer(header));
                }
                if (header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                    return Optional.of(header.substring(BEARER.length()).trim());
                }
            }
        }
        return settings.cookie().flatMap(name -> cookie(request, name));
    }

    /** The caller a token or API key names; throws {@link InvalidTokenException} when it names nobody. */
    public VerifiedCaller verify(String token) {
        if (!apiKeys.isEmpty()) {
            Optional<String> key = apiKeys.match(token);
            if (key.isPresent()) {
                return new VerifiedCaller(key.get(), Set.of(Roles.PUBLISHER), null, List.of());
            }
        }
        if (verifier == null) {
            throw new InvalidTokenException("the bearer credential is not a known API key");
        }
        return verifier.verify(token);
    }

    private static String stripBearer(String value) {
        String trimmed = value.trim();
        return trimmed.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? trimmed.substring(BEARER.length()).trim() : trimmed;
    }

    private static Optional<String> cookie(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (name.equals(cookie.getName()) && cookie.getValue() != null && !cookie.getValue().isBlank()) {
                return Optional.of(cookie.getValue());
            }
        }
        return Optional.empty();
    }
}
