package dev.ssenotify.notify.entity;

/** Fired asynchronously (observe with {@code @ObservesAsync}) once per connection, whatever ended it. */
public record ClientDisconnected(ClientInfo client, DisconnectReason reason) {
}
