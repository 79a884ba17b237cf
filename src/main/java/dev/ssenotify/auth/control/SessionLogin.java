package dev.ssenotify.auth.control;

import dev.ssenotify.web.control.SessionIds;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/** The demo login's use of the HTTP session: who logged in, in a session started fresh for it. */
final class SessionLogin {

    private static final String USER_ATTRIBUTE = "dev.ssenotify.auth.user";

    private SessionLogin() {
    }

    /** Starts a fresh session for a login (a new container id and a new opaque id), bound to the user. */
    static HttpSession startFresh(HttpServletRequest request, String userName) {
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        HttpSession session = request.getSession(true);
        SessionIds.assignNew(session);
        session.setAttribute(USER_ATTRIBUTE, userName);
        return session;
    }

    static String loggedInUser(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : (String) session.getAttribute(USER_ATTRIBUTE);
    }
}
