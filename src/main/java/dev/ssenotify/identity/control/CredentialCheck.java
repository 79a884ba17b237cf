package dev.ssenotify.identity.control;

import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Other credentials the one mechanism accepts when a request carries no token (the demo's Basic and session
 * login). Jakarta Security allows a single mechanism per application, so further schemes plug in here.
 */
public interface CredentialCheck {

    /** The outcome for credentials this check recognises, or null to let the next one look. */
    AuthenticationStatus check(HttpServletRequest request, HttpMessageContext context);
}
