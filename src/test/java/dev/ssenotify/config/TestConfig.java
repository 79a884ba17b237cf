package dev.ssenotify.config;

import java.time.Duration;

/** Settings for unit tests in any package: the fields as MicroProfile Config would set them, one setter each. */
public class TestConfig extends SseConfig {

    public TestConfig setHeartbeatInterval(Duration value) {
        this.heartbeatInterval = value;
        return this;
    }

    public TestConfig setCleanupInterval(Duration value) {
        this.cleanupInterval = value;
        return this;
    }

    public TestConfig setReconnectRetry(Duration value) {
        this.reconnectRetry = value;
        return this;
    }

    public TestConfig setMaxClientsPerUser(int value) {
        this.maxClientsPerUser = value;
        return this;
    }

    public TestConfig setMaxClients(int value) {
        this.maxClients = value;
        return this;
    }

    public TestConfig setMaxEventBytes(int value) {
        this.maxEventBytes = value;
        return this;
    }

    public TestConfig setClientQueueSize(int value) {
        this.clientQueueSize = value;
        return this;
    }

    public TestConfig setMaxBufferedBytes(long value) {
        this.maxBufferedBytes = value;
        return this;
    }

    public TestConfig setWriteTimeout(Duration value) {
        this.writeTimeout = value;
        return this;
    }

    public TestConfig setDispatchThreads(int value) {
        this.dispatchThreads = value;
        return this;
    }

    public TestConfig setDirectWrites(boolean value) {
        this.directWrites = value;
        return this;
    }

    public TestConfig setReplayMaxEvents(int value) {
        this.replayMaxEvents = value;
        return this;
    }

    public TestConfig setReplayRetention(Duration value) {
        this.replayRetention = value;
        return this;
    }

    public TestConfig setOfflineMaxEvents(int value) {
        this.offlineMaxEvents = value;
        return this;
    }

    public TestConfig setOfflineRetention(Duration value) {
        this.offlineRetention = value;
        return this;
    }

    public TestConfig setOfflineMaxBytes(long value) {
        this.offlineMaxBytes = value;
        return this;
    }

    public TestConfig setOfflineMaxQueues(int value) {
        this.offlineMaxQueues = value;
        return this;
    }

    public TestConfig setMaxAnonymousPerAddress(int value) {
        this.maxAnonymousPerAddress = value;
        return this;
    }

    public TestConfig setAckMode(String value) {
        this.ackMode = value;
        return this;
    }

    public TestConfig setAckTimeout(Duration value) {
        this.ackTimeout = value;
        return this;
    }

    public TestConfig setLoggingEnabled(boolean value) {
        this.loggingEnabled = value;
        return this;
    }
}
