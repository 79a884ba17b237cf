package dev.ssenotify.notify.entity;

/** Fired asynchronously (observe with {@code @ObservesAsync}) after a heartbeat reached a connection. */
public record HeartbeatSent(ClientInfo client) {
}
