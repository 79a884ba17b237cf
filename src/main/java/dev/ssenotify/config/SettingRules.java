package dev.ssenotify.config;

import java.time.Duration;

/** What the settings must satisfy, checked once at startup: a wrong value stops the deployment, naming its key. */
final class SettingRules {

    private SettingRules() {
    }

    static void check(SseConfig c) {
        requireNotNegative("sse.heartbeat.interval", c.heartbeatInterval);
        requireNotNegative("sse.cleanup.interval", c.cleanupInterval);
        requireNotNegative("sse.reconnect.retry", c.reconnectRetry);
        requirePositive("sse.max-clients-per-user", c.maxClientsPerUser);
        requirePositive("sse.max-clients", c.maxClients);
        requirePositive("sse.max-event-bytes", c.maxEventBytes);
        requirePositive("sse.client.queue-size", c.clientQueueSize);
        requirePositive("sse.dispatch.threads", c.dispatchThreads);
        requirePositive("sse.client.write-timeout", c.writeTimeout);
        // An event must fit an empty buffer, with room for its id and name lines.
        if (c.maxBufferedBytes < c.maxEventBytes + 1024L) {
            throw new IllegalStateException("sse.client.max-buffered-bytes must be at least sse.max-event-bytes + 1024 ("
                    + (c.maxEventBytes + 1024L) + "), got " + c.maxBufferedBytes);
        }
        requirePositive("sse.replay.max-events", c.replayMaxEvents);
        requirePositive("sse.offline.max-events", c.offlineMaxEvents);
        requirePositive("sse.offline.max-queues", c.offlineMaxQueues);
        requirePositive("sse.max-anonymous-per-address", c.maxAnonymousPerAddress);
        // One event of the largest size must fit, with its overhead.
        if (c.offlineMaxBytes < c.maxEventBytes + 1024L) {
            throw new IllegalStateException("sse.offline.max-bytes must be at least sse.max-event-bytes + 1024 ("
                    + (c.maxEventBytes + 1024L) + "), got " + c.offlineMaxBytes);
        }
        requireNotNegative("sse.replay.retention", c.replayRetention);
        requireNotNegative("sse.offline.retention", c.offlineRetention);
        requireNotNegative("sse.delivery.ack-timeout", c.ackTimeout);
        if (!c.ackMode.equals("write") && !c.ackMode.equals("client")) {
            throw new IllegalStateException("sse.delivery.ack must be 'write' or 'client', got '" + c.ackMode + "'");
        }
    }

    private static void requireNotNegative(String key, Duration value) {
        if (value.isNegative()) {
            throw new IllegalStateException(key + " must not be negative, got " + value);
        }
    }

    private static void requirePositive(String key, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalStateException(key + " must be positive, got " + value);
        }
    }

    private static void requirePositive(String key, int value) {
        if (value <= 0) {
            throw new IllegalStateException(key + " must be at least 1, got " + value);
        }
    }
}
