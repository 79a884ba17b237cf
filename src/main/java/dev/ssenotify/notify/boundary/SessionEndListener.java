package dev.ssenotify.notify.boundary;

import dev.ssenotify.notify.entity.SseTarget;
import dev.ssenotify.offline.control.Inboxes;
import dev.ssenotify.stream.control.Streams;
import dev.ssenotify.web.control.SessionIds;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

/**
 * A stream opened in a session carries that session's identity; when the session ends (logout, a new
 * login, expiry) its streams are closed, so nothing meant for the old identity reaches them, and its offline
 * queue is deleted: nobody can come back as that session. Clients reconnect by themselves with whoever they
 * are then.
 */
@WebListener
public class SessionEndListener implements HttpSessionListener {

    @Inject
    Streams streams;
    @Inject
    Inboxes inboxes;

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        String sessionId = SessionIds.of(event.getSession());
        if (sessionId != null) {
            streams.close(SseTarget.session(sessionId));
            inboxes.sessionEnded(sessionId);
        }
    }
}
