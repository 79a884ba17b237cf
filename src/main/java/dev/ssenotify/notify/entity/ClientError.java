package dev.ssenotify.notify.entity;

/** Fired asynchronously (observe with {@code @ObservesAsync}) when writing to a connection failed. */
public record ClientError(ClientInfo client, String message) {
}
