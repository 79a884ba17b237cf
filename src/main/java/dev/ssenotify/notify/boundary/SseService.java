package dev.ssenotify.notify.boundary;

import dev.ssenotify.web.control.Roles;
import dev.ssenotify.notify.control.Dispatcher;
import dev.ssenotify.notify.control.StatsView;
import dev.ssenotify.notify.entity.Receipt;
import dev.ssenotify.notify.entity.SendOptions;
import dev.ssenotify.notify.entity.SseEvent;
import dev.ssenotify.notify.entity.SseStats;
import dev.ssenotify.notify.entity.SseTarget;
import dev.ssenotify.stream.control.Streams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;

/**
 * The API application code calls to push events. Every method returns at once: the event is serialized
 * once and queued on the matching connections of this server; the stage completes with the receipt.
 * Invalid input ({@link dev.ssenotify.notify.entity.InvalidEventException},
 * {@link dev.ssenotify.notify.entity.EventTooLargeException}) is thrown to the caller directly.
 */
@ApplicationScoped
public class SseService {

    /** The role that may send events to anyone through the HTTP endpoints. */
    public static final String ADMIN_ROLE = Roles.ADMIN;

    @Inject
    Dispatcher dispatcher;
    @Inject
    StatsView stats;
    @Inject
    Streams streams;

    public CompletionStage<Receipt> notifyUser(String userId, String event, Object data) {
        return notifyUser(userId, event, data, SendOptions.NONE);
    }

    public CompletionStage<Receipt> notifyUser(String userId, String event, Object data, SendOptions options) {
        return sendEvent(build(event, data, options), SseTarget.user(userId));
    }

    public CompletionStage<Receipt> notifySession(String sessionId, String event, Object data) {
        return notifySession(sessionId, event, data, SendOptions.NONE);
    }

    public CompletionStage<Receipt> notifySession(String sessionId, String event, Object data, SendOptions options) {
        return sendEvent(build(event, data, options), SseTarget.session(sessionId));
    }

    public CompletionStage<Receipt> notifyClient(String clientId, String event, Object data) {
        return notifyClient(clientId, event, data, SendOptions.NONE);
    }

    public CompletionStage<Receipt> notifyClient(String clientId, String event, Object data, SendOptions options) {
        return sendEvent(build(event, data, options), SseTarget.client(clientId));
    }

    /** To every authenticated connection. */
    public CompletionStage<Receipt> broadcast(String event, Object data) {
        return broadcast(event, data, SendOptions.NONE);
    }

    public CompletionStage<Receipt> broadcast(String event, Object data, SendOptions options) {
        return sendEvent(build(event, data, options), SseTarget.broadcast());
    }

    /** To every connection, anonymous ones included. */
    public CompletionStage<Receipt> notifyAll(String event, Object data) {
        return notifyAll(event, data, SendOptions.NONE);
    }

    public CompletionStage<Receipt> notifyAll(String event, Object data, SendOptions options) {
        return sendEvent(build(event, data, options), SseTarget.all());
    }

    /**
     * To every stream subscribed to a pattern matching the topic (a concrete name such as {@code orders/42}),
     * anonymous ones too; a name with a wildcard throws {@link dev.ssenotify.notify.entity.InvalidEventException}.
     */
    public CompletionStage<Receipt> notifyTopic(String topic, String event, Object data) {
        return notifyTopic(topic, event, data, SendOptions.NONE);
    }

    public CompletionStage<Receipt> notifyTopic(String topic, String event, Object data, SendOptions options) {
        return sendEvent(build(event, data, options), SseTarget.topic(topic));
    }

    /**
     * Publishes; past {@code sse.publish.rate} for the target (one user, session, client, or all broadcasts)
     * throws {@link dev.ssenotify.limits.entity.RateLimitedException}.
     */
    public CompletionStage<Receipt> sendEvent(SseEvent event, SseTarget target) {
        return dispatcher.publish(event, target);
    }

    /**
     * Publishes on behalf of a caller (an HTTP endpoint's user or address), counted against
     * {@code sse.publish.rate} for that caller instead of for the target.
     */
    public CompletionStage<Receipt> sendEventAs(String publisher, SseEvent event, SseTarget target) {
        return dispatcher.publish(event, target, publisher);
    }

    /**
     * Closes this server's connections that the target reaches, e.g. a session's streams at logout; returns
     * how many. Clients reconnect by themselves, with whatever identity they have then.
     */
    public int disconnect(SseTarget target) {
        return streams.close(target);
    }

    public SseStats getStats() {
        return stats.snapshot();
    }

    private static SseEvent build(String event, Object data, SendOptions options) {
        SendOptions opts = options == null ? SendOptions.NONE : options;
        return new SseEvent(event, data, opts.id(), opts.retryMillis(), opts.coalesceKey());
    }
}
