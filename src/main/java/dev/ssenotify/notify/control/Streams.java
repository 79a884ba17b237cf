package dev.ssenotify.notify.control;

import dev.ssenotify.notify.entity.ClientInfo;
import dev.ssenotify.notify.entity.DisconnectReason;
import dev.ssenotify.notify.entity.SseTarget;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.io.OutputStream;
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
    @Inject
    EventLog log;
    @Inject
    Replays replays;
    @Inject
    Telemetry telemetry;

    /**
     * @param direct the servlet stream beneath the sink, for frames after the first; null to send all
     *               through the sink
     * @throws ConnectionRejectedException when a limit is reached; the sink is then untouched
     */
    public ClientInfo open(String userId, String sessionId, String lastEventId, SseEventSink sink, Sse sse,
                           OutputStream direct) {
        ClientInfo info = new ClientInfo(encoder.newClientId(), userId, sessionId, Instant.now());
        Connection connection = new Connection(info, new StreamOutput(sink, sse, direct), config.clientQueueSize());
        // Queued before the connection is visible, so sse.connected is always the first frame.
        connection.offer(encoder.connected(info));
        // Live events wait at the gate while the replay is read; the log's head splits the two.
        connection.gate();
        registry.admit(connection);
        try {
            long head = log.head();
            Replays.Plan plan = replays.plan(info, lastEventId, head, registry.isOnlyConnectionOfItsOwner(connection));
            if (plan.gap() != null) {
                connection.offerDirect(plan.gap());
                telemetry.gap();
            }
            if (!plan.events().isEmpty()) {
                connection.offerDirect(Frame.replay(plan.events()));
            }
            if (connection.openGate(head) == Connection.Offer.FULL) {
                registry.close(connection, DisconnectReason.SLOW_CONSUMER);
            }
        } finally {
            delivery.startWriter(connection);
        }
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
