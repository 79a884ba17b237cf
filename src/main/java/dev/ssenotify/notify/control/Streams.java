package dev.ssenotify.notify.control;

import dev.ssenotify.notify.entity.ClientInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Instant;

/**
 * Opens a stream for a caller: admits it under the limits and starts it with the {@code sse.connected} frame.
 */
@ApplicationScoped
public class Streams {

    @Inject
    SseConfig config;
    @Inject
    EventEncoder encoder;
    @Inject
    ConnectionRegistry registry;
    @Inject
    Delivery delivery;

    /**
     * @throws ConnectionRejectedException when a limit is reached; the sink is then untouched
     */
    public ClientInfo open(String userId, String sessionId, SseEventSink sink, Sse sse) {
        ClientInfo info = new ClientInfo(encoder.newClientId(), userId, sessionId, Instant.now());
        Connection connection = new Connection(info, sink, sse, config.clientQueueSize());
        // Queued before the connection is visible, so sse.connected is always the first frame.
        connection.offer(encoder.connected(info));
        registry.admit(connection);
        delivery.startWriter(connection);
        return info;
    }

    /** Who owns a connection, to decide whether a caller may target it. */
    public java.util.Optional<ClientInfo> find(String clientId) {
        return registry.find(clientId).map(Connection::info);
    }
}
