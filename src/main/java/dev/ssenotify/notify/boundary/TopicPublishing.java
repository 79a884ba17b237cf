package dev.ssenotify.notify.boundary;

import dev.ssenotify.notify.entity.SseTarget;
import dev.ssenotify.web.control.ProblemException;
import dev.ssenotify.web.control.Roles;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Who may publish to a topic over HTTP: a caller with role {@code sse-publisher} or {@code sse-admin} (401 when
 * anonymous, 403 otherwise). A topic reaches anyone who subscribed, so no caller owns one.
 */
final class TopicPublishing {

    private TopicPublishing() {
    }

    /** The topic target, once the caller may publish to it; a missing or non-concrete name is 400. */
    static SseTarget target(String topic, HttpServletRequest request) {
        if (request.getUserPrincipal() == null) {
            throw ProblemException.unauthorized("log in to publish to a topic");
        }
        if (!request.isUserInRole(Roles.PUBLISHER) && !request.isUserInRole(Roles.ADMIN)) {
            throw ProblemException.forbidden("publishing to a topic needs role " + Roles.PUBLISHER);
        }
        if (topic == null) {
            throw ProblemException.badRequest("'topic' is required for target topic");
        }
        return SseTarget.topic(topic);
    }
}
