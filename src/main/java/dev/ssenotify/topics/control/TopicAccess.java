package dev.ssenotify.topics.control;

import dev.ssenotify.notify.entity.TopicPattern;
import dev.ssenotify.notify.entity.Topics;
import dev.ssenotify.web.control.CallerClaims;
import dev.ssenotify.web.control.ProblemException;
import dev.ssenotify.web.control.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The checks on topics a caller asks for, as HTTP answers: a malformed pattern or too many for one stream
 * gets 400, a pattern the caller may not subscribe to ({@link TopicPolicy}) 403 naming it. Problem bodies
 * echo a pattern only once it has passed the checks, and only inside JSON.
 */
@ApplicationScoped
public class TopicAccess {

    @Inject
    TopicsConfig config;

    /** The patterns as given, each checked; {@code field} names them in the answer ({@code topic}). */
    public List<TopicPattern> parse(Collection<String> raw, String field) {
        List<TopicPattern> out = new ArrayList<>(raw.size());
        for (String text : raw) {
            try {
                out.add(TopicPattern.parse(text));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("'" + field + "' holds a malformed topic pattern: " + e.getMessage());
            }
        }
        return out;
    }

    /** 400 when the stream would hold more topics than {@code sse.topics.max-per-stream}. */
    public Topics capped(Topics topics) {
        if (topics.size() > config.maxPerStream()) {
            throw ProblemException.badRequest("a stream subscribes to at most " + config.maxPerStream() + " topics");
        }
        return topics;
    }

    /** 403 naming the first pattern the caller may not subscribe to. */
    public void authorize(Collection<TopicPattern> requested, HttpServletRequest request) {
        TopicPattern refused = config.policy().refused(requested, caller(request));
        if (refused != null) {
            throw ProblemException.forbidden("you may not subscribe to topic '" + refused.text() + "'");
        }
    }

    /** The topics a new stream asks for with {@code ?topic=}: checked, capped and authorized. */
    public Topics subscribe(List<String> raw, HttpServletRequest request) {
        if (raw == null || raw.isEmpty()) {
            return Topics.NONE;
        }
        if (raw.size() > config.maxPerStream()) {
            // Before parsing: a request naming thousands of topics costs no more than one with too many.
            throw ProblemException.badRequest("a stream subscribes to at most " + config.maxPerStream() + " topics");
        }
        Topics topics = capped(Topics.of(parse(raw, "topic")));
        authorize(topics.patterns(), request);
        return topics;
    }

    private static TopicPolicy.Caller caller(HttpServletRequest request) {
        if (request.getUserPrincipal() == null) {
            return TopicPolicy.Caller.anonymous();
        }
        return new TopicPolicy.Caller(request.isUserInRole(Roles.ADMIN), request::isUserInRole,
                CallerClaims.subscribe(request));
    }
}
