package dev.ssenotify.auth.control;

import dev.ssenotify.web.control.ClientAddresses;
import dev.ssenotify.limits.entity.RateLimitedException;
import dev.ssenotify.web.control.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The WAR's authentication: HTTP Basic on any request, or the user a {@code POST /api/auth/login} bound to
 * the session. Nothing is required: a request with neither stays anonymous. Wrong Basic credentials are
 * answered 401 at once, never silently treated as anonymous.
 */
@ApplicationScoped
public class BasicOrSessionAuthentication implements HttpAuthenticationMechanism {

    static final String REALM = "sse-notify";

    @Inject
    ClientAddresses addresses;
    @Inject
    UserDirectory directory;
    @Inject
    Logins logins;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            Optional<UserAccount> account;
            try {
                account = basic(header.substring(6).trim(), addresses.of(request));
            } catch (RateLimitedException e) {
                return throttled(response, e);
            }
            if (account.isEmpty()) {
                return unauthorized(response, context);
            }
            return context.notifyContainerAboutLogin(account.get().name(), account.get().roles());
        }
        String sessionUser = SessionLogin.loggedInUser(request);
        if (sessionUser != null) {
            Optional<UserAccount> account = directory.find(sessionUser);
            if (account.isPresent()) {
                return context.notifyContainerAboutLogin(account.get().name(), account.get().roles());
            }
        }
        return context.doNothing();
    }

    private Optional<UserAccount> basic(String encoded, String address) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return Optional.empty();
            }
            return logins.verify(decoded.substring(0, colon), decoded.substring(colon + 1), address);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static AuthenticationStatus throttled(HttpServletResponse response, RateLimitedException e) {
        try {
            response.setStatus(429);
            response.setHeader("Retry-After", String.valueOf(e.retryAfterSeconds()));
            response.setContentType(Problems.MEDIA_TYPE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(Problems.json(429, "Too Many Requests", e.getMessage()));
            response.flushBuffer();
        } catch (IOException ignored) {
            // the client is gone
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static AuthenticationStatus unauthorized(HttpServletResponse response, HttpMessageContext context) {
        try {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
            response.setContentType(Problems.MEDIA_TYPE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(Problems.json(401, "Unauthorized", "the Basic credentials are not valid"));
            response.flushBuffer();
        } catch (IOException e) {
            // the client is gone; the status is all that matters
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
