package dev.ssenotify.config;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The settings of the notification layer, read once at startup. Every key can be set as a system property
 * or an environment variable (MicroProfile Config); the README holds the table of defaults.
 */
@ApplicationScoped
public class SseConfig {

    @Inject
    @ConfigProperty(name = "sse.heartbeat.interval", defaultValue = "PT30S")
    Duration heartbeatInterval;

    @Inject
    @ConfigProperty(name = "sse.cleanup.interval", defaultValue = "PT1M")
    Duration cleanupInterval;

    @Inject
    @ConfigProperty(name = "sse.reconnect.retry", defaultValue = "PT5S")
    Duration reconnectRetry;

    @Inject
    @ConfigProperty(name = "sse.max-clients-per-user", defaultValue = "5")
    int maxClientsPerUser;

    @Inject
    @ConfigProperty(name = "sse.max-clients", defaultValue = "10000")
    int maxClients;

    @Inject
    @ConfigProperty(name = "sse.max-event-bytes", defaultValue = "65536")
    int maxEventBytes;

    @Inject
    @ConfigProperty(name = "sse.client.queue-size", defaultValue = "256")
    int clientQueueSize;

    @Inject
    @ConfigProperty(name = "sse.client.max-buffered-bytes", defaultValue = "1048576")
    long maxBufferedBytes;

    @Inject
    @ConfigProperty(name = "sse.client.write-timeout", defaultValue = "PT10S")
    Duration writeTimeout;

    @Inject
    @ConfigProperty(name = "sse.dispatch.threads", defaultValue = "16")
    int dispatchThreads;

    @Inject
    @ConfigProperty(name = "sse.dispatch.direct", defaultValue = "true")
    boolean directWrites;

    @Inject
    @ConfigProperty(name = "sse.replay.max-events", defaultValue = "1000")
    int replayMaxEvents;

    @Inject
    @ConfigProperty(name = "sse.replay.retention", defaultValue = "PT5M")
    Duration replayRetention;

    @Inject
    @ConfigProperty(name = "sse.offline.max-events", defaultValue = "100")
    int offlineMaxEvents;

    @Inject
    @ConfigProperty(name = "sse.offline.retention", defaultValue = "PT24H")
    Duration offlineRetention;

    @Inject
    @ConfigProperty(name = "sse.offline.max-bytes", defaultValue = "67108864")
    long offlineMaxBytes;

    @Inject
    @ConfigProperty(name = "sse.offline.max-queues", defaultValue = "50000")
    int offlineMaxQueues;

    @Inject
    @ConfigProperty(name = "sse.max-anonymous-per-address", defaultValue = "20")
    int maxAnonymousPerAddress;

    @Inject
    @ConfigProperty(name = "sse.delivery.ack", defaultValue = "write")
    String ackMode;

    @Inject
    @ConfigProperty(name = "sse.delivery.ack-timeout", defaultValue = "PT5M")
    Duration ackTimeout;

    @Inject
    @ConfigProperty(name = "sse.logging.enabled", defaultValue = "true")
    boolean loggingEnabled;

    @PostConstruct
    void validate() {
        SettingRules.check(this);
    }

    /** Zero disables heartbeats. */
    public Duration heartbeatInterval() {
        return heartbeatInterval;
    }

    /** Zero disables the cleanup sweep. */
    public Duration cleanupInterval() {
        return cleanupInterval;
    }

    public Duration reconnectRetry() {
        return reconnectRetry;
    }

    public int maxClientsPerUser() {
        return maxClientsPerUser;
    }

    public int maxClients() {
        return maxClients;
    }

    public int maxEventBytes() {
        return maxEventBytes;
    }

    public int clientQueueSize() {
        return clientQueueSize;
    }

    /** Bytes a connection may pin: its queue plus what was written and not yet taken by the socket. */
    public long maxBufferedBytes() {
        return maxBufferedBytes;
    }

    /** How long a connection's output may refuse more bytes before it is closed as a slow consumer. */
    public Duration writeTimeout() {
        return writeTimeout;
    }

    public int dispatchThreads() {
        return dispatchThreads;
    }

    /** True: frames go as bytes to the servlet stream beneath the sink, non-blocking; false: through the sink. */
    public boolean directWrites() {
        return directWrites;
    }

    public int replayMaxEvents() {
        return replayMaxEvents;
    }

    public Duration replayRetention() {
        return replayRetention;
    }

    public int offlineMaxEvents() {
        return offlineMaxEvents;
    }

    public Duration offlineRetention() {
        return offlineRetention;
    }

    /** Bytes all offline queues together may pin; past it the oldest queued event goes first. */
    public long offlineMaxBytes() {
        return offlineMaxBytes;
    }

    public int offlineMaxQueues() {
        return offlineMaxQueues;
    }

    /** Streams without a user that one client address may hold open. */
    public int maxAnonymousPerAddress() {
        return maxAnonymousPerAddress;
    }

    /** True when only an ack counts as delivered ({@code sse.delivery.ack=client}); else a write does. */
    public boolean ackByClient() {
        return ackMode.equals("client");
    }

    public Duration ackTimeout() {
        return ackTimeout;
    }

    public boolean loggingEnabled() {
        return loggingEnabled;
    }
}
