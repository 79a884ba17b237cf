package dev.ssenotify.notify.control;

import dev.ssenotify.notify.entity.ClientInfo;
import dev.ssenotify.notify.entity.DisconnectReason;
import dev.ssenotify.notify.entity.SseTarget;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Instant;
import java.util.List;

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

    /** Closes every connection the target reaches; returns how many. Their clients reconnect as usual. */
    public int close(SseTarget target) {
        int closed = 0;
        for (Connection connection : List.copyOf(registry.select(target))) {
            if (!connection.isClosed()) {
                registry.close(connection, DisconnectReason.CLOSED_BY_SERVER);
                closed++;
            }
        }
        return closed;
    }

    /** Who owns a connection, to decide whether a caller may target it. */
    public java.util.Optional<ClientInfo> find(String clientId) {
        return registry.find(clientId).map(Connection::info);
    }
}
