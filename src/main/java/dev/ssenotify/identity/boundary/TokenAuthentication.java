package dev.ssenotify.identity.boundary;

import dev.ssenotify.identity.control.CallerCredentials;
import dev.ssenotify.identity.control.CredentialCheck;
import dev.ssenotify.identity.control.InvalidTokenException;
import dev.ssenotify.identity.control.VerifiedCaller;
import dev.ssenotify.web.control.AuthenticationFailure;
import dev.ssenotify.web.control.CallerClaims;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;

/**
 * sse-notify's authentication mechanism: a bearer JWT or API key, else whatever {@link CredentialCheck}s the
 * application adds; a request with none of them stays anonymous. Bad credentials are never taken for
 * anonymous: the request is marked and the endpoint answers 401 ({@link AuthenticationFailure}), which keeps
 * every container's own error handling out of it. Present only when configured ({@link IdentitySwitch}), so a
 * host's own mechanism can take its place.
 */
@ApplicationScoped
public class TokenAuthentication implements HttpAuthenticationMechanism {

    @Inject
    CallerCredentials credentials;
    @Inject
    Instance<CredentialCheck> checks;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        Optional<String> token = credentials.token(request);
        if (token.isPresent()) {
            try {
                VerifiedCaller caller = credentials.verify(token.get());
                CallerClaims.set(request, caller.expiry(), caller.subscribe());
                return context.notifyContainerAboutLogin(caller.name(), caller.groups());
            } catch (InvalidTokenException e) {
                AuthenticationFailure.bearer(request, e.getMessage());
                return context.doNothing();
            }
        }
        for (CredentialCheck check : checks) {
            AuthenticationStatus status = check.check(request, context);
            if (status != null) {
                return status;
            }
        }
        return context.doNothing();
    }
}
