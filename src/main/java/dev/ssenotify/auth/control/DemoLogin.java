package dev.ssenotify.auth.control;

import dev.ssenotify.identity.control.CredentialCheck;
import dev.ssenotify.limits.entity.RateLimitedException;
import dev.ssenotify.web.control.AuthenticationFailure;
import dev.ssenotify.web.control.ClientAddresses;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * The demo's credentials, for demos only: HTTP Basic on any request, or the user a {@code POST /api/auth/login}
 * bound to the session, checked against {@code sse.auth.users}. Does nothing while that key is unset. Wrong
 * Basic credentials are answered 401, never silently treated as anonymous.
 */
@ApplicationScoped
public class DemoLogin implements CredentialCheck {

    static final String REALM = "sse-notify";

    @Inject
    ClientAddresses addresses;
    @Inject
    UserDirectory directory;
    @Inject
    Logins logins;

    @Override
    public AuthenticationStatus check(HttpServletRequest request, HttpMessageContext context) {
        if (!directory.enabled()) {
            return null;
        }
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            Optional<UserAccount> account;
            try {
                account = basic(header.substring(6).trim(), addresses.of(request));
            } catch (RateLimitedException e) {
                AuthenticationFailure.note(request, new AuthenticationFailure(429, e.getMessage(),
                        Map.of("Retry-After", String.valueOf(e.retryAfterSeconds()))));
                return context.doNothing();
            }
            if (account.isEmpty()) {
                AuthenticationFailure.note(request, new AuthenticationFailure(401, "the Basic credentials are not valid",
                        Map.of("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"")));
                return context.doNothing();
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
        return null;
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
}
