package dev.ssenotify.testing;

import dev.ssenotify.config.SseConfig;
import dev.ssenotify.log.control.CursorMoves;
import dev.ssenotify.log.control.EventEncoder;
import dev.ssenotify.log.control.InMemoryEventLog;
import dev.ssenotify.notify.entity.DisconnectReason;
import dev.ssenotify.notify.entity.RejectReason;
import dev.ssenotify.offline.control.Inboxes;
import dev.ssenotify.telemetry.control.Telemetry;
import java.time.Duration;

/** What this package's unit tests build alike: settings with small bounds, quiet telemetry, offline queues, a log. */
public final class Fixtures {

    private Fixtures() {
    }

    /** Settings a test then narrows to what it checks. */
    public static SseConfig config() {
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
    public static class QuietTelemetry extends Telemetry {
        public @Override void published() { }
        public @Override void duplicate() { }
        public @Override void dispatchTook(long nanos) { }
        public @Override void offlineDropped(int count) { }
        public @Override void opened() { }
        public @Override void rejected(RejectReason reason) { }
        public @Override void dropped(int count) { }
        public @Override void closed(DisconnectReason reason) { }
        public @Override void sent() { }
        public @Override void replayed() { }
        public @Override void heartbeat() { }
        public @Override void failed() { }
        public @Override void coalesced() { }
        public @Override void gap() { }
    }

    /** Offline queues whose cursor moves apply at once, as with one instance. */
    public static Inboxes inboxes(SseConfig config, Telemetry telemetry) {
        Inboxes inboxes = new Inboxes();
        inboxes.config = config;
        inboxes.telemetry = telemetry;
        inboxes.cursors = new CursorMoves.Local();
        inboxes.start();
        return inboxes;
    }

    public static InMemoryEventLog log(SseConfig config) {
        EventEncoder encoder = new EventEncoder();
        encoder.config = config;
        InMemoryEventLog log = new InMemoryEventLog();
        log.config = config;
        log.encoder = encoder;
        log.init();
        return log;
    }
}
