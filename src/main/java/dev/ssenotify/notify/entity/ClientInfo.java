package dev.ssenotify.notify.entity;

import java.time.Instant;

/**
 * Who is behind one connection.
 *
 * @param clientId    random id of this connection, unguessable
 * @param userId      caller principal name, {@code null} when anonymous
 * @param sessionId   opaque sse-notify session id, {@code null} when the caller has no HTTP session
 * @param connectedAt when the stream opened
 */
public record ClientInfo(String clientId, String userId, String sessionId, Instant connectedAt) {

    public boolean authenticated() {
        return userId != null;
    }
}
