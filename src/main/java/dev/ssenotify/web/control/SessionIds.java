package dev.ssenotify.web.control;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The opaque session id sse-notify targets: random, kept as an attribute of the caller's HTTP session, so
 * the container's session cookie value never leaves the server.
 */
public final class SessionIds {

    private static final String SESSION_ATTRIBUTE = "dev.ssenotify.session-id";
    private static final SecureRandom RANDOM = new SecureRandom();

    private SessionIds() {
    }

    /** The id of the caller's existing session, or null when it has none; never creates a session. */
    public static String current(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        Object id = session.getAttribute(SESSION_ATTRIBUTE);
        if (id == null) {
            synchronized (session) {
                id = session.getAttribute(SESSION_ATTRIBUTE);
                if (id == null) {
                    id = newId();
                    session.setAttribute(SESSION_ATTRIBUTE, id);
                }
            }
        }
        return id.toString();
    }

    /** The opaque id kept in this session, or null if none was given out. */
    public static String of(HttpSession session) {
        Object id = session.getAttribute(SESSION_ATTRIBUTE);
        return id == null ? null : id.toString();
    }

    /** Gives the session a new opaque id (a login starts a fresh one). */
    public static void assignNew(HttpSession session) {
        session.setAttribute(SESSION_ATTRIBUTE, newId());
    }

    private static String newId() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
