package dev.ssenotify.notify.control;

import dev.ssenotify.notify.entity.DisconnectReason;
import dev.ssenotify.notify.entity.RejectReason;
import java.time.Duration;

/** What this package's unit tests build alike: settings with small bounds, quiet telemetry, offline queues, a log. */
final class Fixtures {

    private Fixtures() {
    }

    /** Settings a test then narrows to what it checks. */
    static SseConfig config() {
        SseConfig config = new SseConfig();
        config.maxClients = 100;
        config.maxClientsPerUser = 5;
        config.maxAnonymousPerAddress = 20;
        config.maxEventBytes = 1000;
        config.replayMaxEvents = 10;
        config.replayRetention = Duration.ofMinutes(5);
        config.offlineMaxEvents = 10;
        config.offlineRetention = Duration.ofHours(1);
        config.offlineMaxBytes = 1 << 20;
        config.offlineMaxQueues = 100;
        config.ackMode = "write";
        config.ackTimeout = Duration.ofMinutes(5);
        return config;
    }

    /** Counts nothing: the real one needs the container's metric registry. */
    static class QuietTelemetry extends Telemetry {
        @Override void published() { }
        @Override void duplicate() { }
        @Override void dispatchTook(long nanos) { }
        @Override void offlineDropped(int count) { }
        @Override void opened() { }
        @Override void rejected(RejectReason reason) { }
        @Override void dropped(int count) { }
        @Override void closed(DisconnectReason reason) { }
        @Override void sent() { }
        @Override void replayed() { }
        @Override void heartbeat() { }
        @Override void failed() { }
        @Override void coalesced() { }
        @Override void gap() { }
    }

    /** Offline queues whose cursor moves apply at once, as with one instance. */
    static Inboxes inboxes(SseConfig config, Telemetry telemetry) {
        Inboxes inboxes = new Inboxes();
        inboxes.config = config;
        inboxes.telemetry = telemetry;
        inboxes.cursors = new CursorMoves.Local();
        inboxes.start();
        return inboxes;
    }

    static InMemoryEventLog log(SseConfig config) {
        EventEncoder encoder = new EventEncoder();
        encoder.config = config;
        InMemoryEventLog log = new InMemoryEventLog();
        log.config = config;
        log.encoder = encoder;
        log.init();
        return log;
    }
}
