package dev.ssenotify.testing;

import dev.ssenotify.config.SseConfig;
import dev.ssenotify.config.TestConfig;
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
    public static TestConfig config() {
        TestConfig config = new TestConfig();
        config.setMaxClients(100);
        config.setMaxClientsPerUser(5);
        config.setMaxAnonymousPerAddress(20);
        config.setMaxEventBytes(1000);
        config.setReplayMaxEvents(10);
        config.setReplayRetention(Duration.ofMinutes(5));
        config.setOfflineMaxEvents(10);
        config.setOfflineRetention(Duration.ofHours(1));
        config.setOfflineMaxBytes(1 << 20);
        config.setOfflineMaxQueues(100);
        config.setAckMode("write");
        config.setAckTimeout(Duration.ofMinutes(5));
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
        Inboxes inboxes = new Inboxes(config, telemetry, new CursorMoves.Local());
        inboxes.start();
        return inboxes;
    }

    public static InMemoryEventLog log(SseConfig config) {
        return new InMemoryEventLog(config, new EventEncoder(config));
    }
}
