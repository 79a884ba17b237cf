package dev.ssenotify.notify.entity;

/**
 * Fired asynchronously (observe with {@code @ObservesAsync}) when a client acknowledges events with
 * {@code POST /api/sse/ack}: everything up to {@code lastEventId} counts as handled.
 */
public record EventAcknowledged(String userId, String sessionId, String lastEventId) {
}
