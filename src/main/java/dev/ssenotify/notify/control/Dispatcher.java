package dev.ssenotify.notify.control;

import dev.ssenotify.limits.control.RateLimits;
import dev.ssenotify.log.control.EventEncoder;
import dev.ssenotify.log.control.EventLog;
import dev.ssenotify.log.control.LoggedEvent;
import dev.ssenotify.notify.entity.Notification;
import dev.ssenotify.notify.entity.Receipt;
import dev.ssenotify.notify.entity.SseEvent;
import dev.ssenotify.notify.entity.SseTarget;
import dev.ssenotify.offline.control.Inboxes;
import dev.ssenotify.stream.control.Connection;
import dev.ssenotify.stream.control.ConnectionRegistry;
import dev.ssenotify.stream.control.Delivery;
import dev.ssenotify.telemetry.control.Telemetry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * Publishes an event: serializes it once, appends it to the log (which assigns its id), and, as the log's
 * subscriber, files it in the offline queues and queues the same frame on every connection it reaches.
 * Never writes to a socket, so a publisher never waits for a client.
 */
@ApplicationScoped
public class Dispatcher implements EventLog.Subscriber {

    private final EventEncoder encoder;
    private final EventLog log;
    private final Inboxes inboxes;
    private final ConnectionRegistry registry;
    private final Delivery delivery;
    private final Telemetry telemetry;
    private final RateLimits limits;

    @Inject
    Dispatcher(EventEncoder encoder, EventLog log, Inboxes inboxes, ConnectionRegistry registry, Delivery delivery,
               Telemetry telemetry, RateLimits limits) {
        this.encoder = encoder;
        this.log = log;
        this.inboxes = inboxes;
        this.registry = registry;
        this.delivery = delivery;
        this.telemetry = telemetry;
        this.limits = limits;
    }

    /** For the container's proxy. */
    protected Dispatcher() {
        this(null, null, null, null, null, null, null);
    }

    /**
     * Subscribes at startup. The offline queues are created first: in cluster mode subscribing starts the
     * read of the shared streams, and nothing read may find them missing.
     */
    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        inboxes.queued();
        log.subscribe(this);
    }

    /**
     * Validates and serializes at once (throwing on bad input); the stage completes when the log has the
     * event and this node has queued it, or fails when the log cannot be reached.
     */
    public CompletionStage<Receipt> publish(SseEvent event, SseTarget target) {
        return publish(event, target, null);
    }

    /**
     * As {@link #publish(SseEvent, SseTarget)}, counted against {@code sse.publish.rate} for the publisher;
     * without one (the Java API), for whoever the target addresses, so no loop can flood one user's stream
     * or the log. Throws {@link dev.ssenotify.limits.entity.RateLimitedException} past the rate.
     */
    public CompletionStage<Receipt> publish(SseEvent event, SseTarget target, String publisher) {
        Objects.requireNonNull(event, "event is required");
        Objects.requireNonNull(target, "target is required");
        long start = System.nanoTime();
        String json = encoder.json(event);
        limits.publish(publisher != null ? publisher : "to:" + target.kind() + ":" + target.targetId());
        return log.append(target, idempotencyKey(event, target), event.event(), json, event.retryMillis(),
                        event.coalesceKey())
                .thenApply(appended -> {
                    if (appended.duplicate()) {
                        telemetry.duplicate();
                    } else {
                        telemetry.published();
                    }
                    telemetry.dispatchTook(System.nanoTime() - start);
                    LoggedEvent logged = appended.event();
                    return new Receipt(logged.id(), target.kind(), appended.queued(), appended.duplicate(),
                            inboxes.await(logged));
                });
    }

    @Override
    public int onEvent(LoggedEvent event) {
        inboxes.record(event);
        int queued = 0;
        for (Connection connection : registry.select(event.target())) {
            if (delivery.offer(connection, event.frame())) {
                queued++;
            }
        }
        return queued;
    }

    /** Lets any bean publish with {@code Event<Notification>.fireAsync(...)}. */
    void onNotification(@ObservesAsync Notification notification) {
        publish(notification.event(), notification.target()).toCompletableFuture().join();
    }

    // A publisher's id deduplicates only among events for the same target, so that one caller's ids
    // can never swallow another's events.
    private static String idempotencyKey(SseEvent event, SseTarget target) {
        if (event.id() == null) {
            return null;
        }
        return target.kind() + "\u0000" + target.targetId() + "\u0000" + event.id();
    }
}
