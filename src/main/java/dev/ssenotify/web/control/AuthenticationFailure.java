package dev.ssenotify.web.control;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;

/**
 * Credentials a request presented that did not authenticate, noted by the authentication mechanism and
 * answered by the endpoint (web/boundary's filter) with a problem body. Answering from the mechanism instead
 * meant writing a response the container then tried to finish itself (stack traces on WildFly and Liberty).
 *
 * @param status  401, or 429 when the caller is throttled
 * @param detail  why, for the problem body
 * @param headers {@code WWW-Authenticate} or {@code Retry-After}
 */
public record AuthenticationFailure(int status, String detail, Map<String, String> headers) {

    private static final String ATTRIBUTE = AuthenticationFailure.class.getName();

    /** A bearer token or API key that was refused (RFC 6750's {@code invalid_token}). */
    public static void bearer(HttpServletRequest request, String detail) {
        String challenge = "Bearer realm=\"sse-notify\", error=\"invalid_token\", error_description=\""
                + detail.replace("\"", "'") + "\"";
        note(request, new AuthenticationFailure(401, detail, Map.of("WWW-Authenticate", challenge)));
    }

    public static void note(HttpServletRequest request, AuthenticationFailure failure) {
        request.setAttribute(ATTRIBUTE, failure);
    }

    /** The failure noted for this request, or null. */
    public static AuthenticationFailure of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof AuthenticationFailure failure ? failure : null;
    }
}
