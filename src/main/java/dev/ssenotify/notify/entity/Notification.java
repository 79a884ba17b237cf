package dev.ssenotify.notify.entity;

import java.util.Objects;

/**
 * A typed CDI event any bean can fire to push an event:
 * {@code @Inject Event<Notification> notifications; notifications.fireAsync(new Notification(target, event));}
 * The returned stage fails if the event is invalid.
 */
public record Notification(SseTarget target, SseEvent event) {

    public Notification {
        Objects.requireNonNull(target, "target is required");
        Objects.requireNonNull(event, "event is required");
    }
}
