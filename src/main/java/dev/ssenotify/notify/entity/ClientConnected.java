package dev.ssenotify.notify.entity;

/** Fired asynchronously (observe with {@code @ObservesAsync}) when a stream opens. */
public record ClientConnected(ClientInfo client) {
}
