package dev.ssenotify.notify.control;

import dev.ssenotify.notify.entity.Notification;
import dev.ssenotify.notify.entity.Receipt;
import dev.ssenotify.notify.entity.SseEvent;
import dev.ssenotify.notify.entity.SseTarget;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.util.Objects;

/**
 * Publishes an event: encodes it once and queues the same frame on every connection the target reaches.
 * Runs on the publisher's thread but never writes to a socket, so it never waits for a client.
 */
@ApplicationScoped
public class Dispatcher {

    @Inject
    EventEncoder encoder;
    @Inject
    ConnectionRegistry registry;
    @Inject
    Delivery delivery;
    @Inject
    Telemetry telemetry;

    public Receipt publish(SseEvent event, SseTarget target) {
        Objects.requireNonNull(event, "event is required");
        Objects.requireNonNull(target, "target is required");
        long start = System.nanoTime();
        String wireId = event.id() != null ? event.id() : encoder.nextId();
        Frame frame = encoder.encode(event, wireId);
        telemetry.published();
        int queued = 0;
        for (Connection connection : registry.select(target)) {
            if (delivery.offer(connection, frame)) {
                queued++;
            }
        }
        telemetry.dispatchTook(System.nanoTime() - start);
        return new Receipt(wireId, target.kind(), queued);
    }

    /** Lets any bean publish with {@code Event<Notification>.fireAsync(...)}. */
    void onNotification(@ObservesAsync Notification notification) {
        publish(notification.event(), notification.target());
    }
}
