package dev.ssenotify.stream.control;

import dev.ssenotify.config.SseConfig;
import dev.ssenotify.limits.control.RateLimits;
import dev.ssenotify.limits.entity.RateLimitedException;
import dev.ssenotify.log.control.EventEncoder;
import dev.ssenotify.log.control.EventLog;
import dev.ssenotify.log.control.Frame;
import dev.ssenotify.notify.entity.ClientInfo;
import dev.ssenotify.notify.entity.DisconnectReason;
import dev.ssenotify.notify.entity.RejectReason;
import dev.ssenotify.notify.entity.SseTarget;
import dev.ssenotify.notify.entity.Topics;
import dev.ssenotify.telemetry.control.Telemetry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
    @Inject
    EventLog log;
    @Inject
    Replays replays;
    @Inject
    Telemetry telemetry;
    @Inject
    Admission admission;
    @Inject
    RateLimits limits;

    /**
     * Admits a stream and queues what it starts with: {@code sse.connected}, carrying the id it resumes from,
     * then any gap and replay. Nothing is written before {@link OpenStream#begin}.
     *
     * @param clientKey the key a client names itself with across reconnects, or null
     * @param address   the client's address, for {@code sse.max-anonymous-per-address}
     * @throws ConnectionRejectedException when a limit is reached; the sink is then untouched
     * @throws RateLimitedException        when the address opens streams faster than {@code sse.connect.rate}
     */
    public OpenStream open(String userId, String sessionId, String lastEventId, String clientKey, String address,
                           SseEventSink sink) {
        return open(userId, sessionId, Topics.NONE, lastEventId, clientKey, address, null, sink);
    }

    /**
     * As above, for a stream subscribed to topics (already authorized: their events reach it, replay included)
     * whose caller's token expires at {@code expiry} (null: never), when the stream closes.
     */
    public OpenStream open(String userId, String sessionId, Topics topics, String lastEventId, String clientKey,
                           String address, Instant expiry, SseEventSink sink) {
        if (address != null) {
            try {
                limits.connect(address);
            } catch (RateLimitedException e) {
                telemetry.rejected(RejectReason.RATE_LIMIT);
                throw e;
            }
        }
        ClientInfo info = new ClientInfo(encoder.newClientId(), userId, sessionId, Instant.now());
        StreamOutput output = config.directWrites()
                ? new ServletStreamOutput(sink)
                : new SinkStreamOutput(sink, config.writeTimeout().toMillis());
        Connection connection = new Connection(info, clientKey, output, config.clientQueueSize(),
                config.maxBufferedBytes());
        connection.topics(topics);
        connection.expiresAt(expiry);
        // Live events wait at the gate while the replay is read; the log's head splits the two.
        connection.gate();
        admission.makeRoom(connection);
        registry.admit(connection, address);
        try {
            long head = log.head();
            Replays.Plan plan = replays.plan(info, topics, lastEventId, head,
                    registry.isOnlyConnectionOfItsOwner(connection));
            String resumeId = log.idOf(plan.resumeFrom());
            connection.offerDirect(encoder.connected(info, topics, resumeId));
            if (plan.gap() != null) {
                connection.offerDirect(encoder.gap(plan.gap().reason(), plan.gap().oldestId(), resumeId));
                telemetry.gap();
            }
            if (!plan.events().isEmpty()) {
                connection.offerDirect(Frame.replay(plan.events()));
            }
            if (connection.openGate(head) == Connection.Offer.FULL) {
                registry.close(connection, DisconnectReason.SLOW_CONSUMER);
            }
        } catch (RuntimeException e) {
            registry.close(connection, DisconnectReason.CLOSED_BY_SERVER);
            throw e;
        }
        return new OpenStream(connection, delivery);
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
