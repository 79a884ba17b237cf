package dev.ssenotify.stream.control;

import dev.ssenotify.config.SseConfig;
import dev.ssenotify.notify.entity.ClientConnected;
import dev.ssenotify.notify.entity.ClientDisconnected;
import dev.ssenotify.notify.entity.ClientError;
import dev.ssenotify.notify.entity.ClientInfo;
import dev.ssenotify.notify.entity.DisconnectReason;
import dev.ssenotify.notify.entity.HeartbeatSent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The lifecycle hooks (connect, disconnect, error, heartbeat) as typed CDI events, fired asynchronously so
 * that an observer never slows a stream; plus the lifecycle log, switched by {@code sse.logging.enabled}.
 */
@ApplicationScoped
public class LifecycleEvents {

    private static final Logger LOG = Logger.getLogger("dev.ssenotify.lifecycle");

    @Inject
    SseConfig config;
    @Inject
    Event<ClientConnected> connected;
    @Inject
    Event<ClientDisconnected> disconnected;
    @Inject
    Event<ClientError> errors;
    @Inject
    Event<HeartbeatSent> heartbeats;

    void connected(ClientInfo client) {
        log(Level.INFO, "SSE client connected: {0} user={1} session={2}", client);
        connected.fireAsync(new ClientConnected(client));
    }

    void disconnected(ClientInfo client, DisconnectReason reason) {
        if (config.loggingEnabled()) {
            LOG.log(Level.INFO, "SSE client disconnected: {0} user={1} reason={2}",
                    new Object[]{client.clientId(), client.userId(), reason.label()});
        }
        disconnected.fireAsync(new ClientDisconnected(client, reason));
    }

    void error(ClientInfo client, Throwable error) {
        String message = error == null ? "unknown error" : String.valueOf(error.getMessage());
        if (config.loggingEnabled()) {
            LOG.log(Level.FINE, "SSE write failed for " + client.clientId(), error);
        }
        errors.fireAsync(new ClientError(client, message));
    }

    void heartbeat(ClientInfo client) {
        heartbeats.fireAsync(new HeartbeatSent(client));
    }

    private void log(Level level, String pattern, ClientInfo client) {
        if (config.loggingEnabled()) {
            LOG.log(level, pattern, new Object[]{client.clientId(), client.userId(), client.sessionId()});
        }
    }
}
