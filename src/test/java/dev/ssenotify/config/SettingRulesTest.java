package dev.ssenotify.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A wrong setting stops the deployment with a message that names its key. */
class SettingRulesTest {

    private static TestConfig valid() {
        return new TestConfig()
                .setHeartbeatInterval(Duration.ofSeconds(30)).setCleanupInterval(Duration.ofMinutes(1))
                .setReconnectRetry(Duration.ofSeconds(5)).setMaxClientsPerUser(5).setMaxClients(10_000)
                .setMaxEventBytes(65_536).setClientQueueSize(256).setMaxBufferedBytes(1 << 20)
                .setWriteTimeout(Duration.ofSeconds(10)).setDispatchThreads(16).setReplayMaxEvents(1000)
                .setReplayRetention(Duration.ofMinutes(5)).setOfflineMaxEvents(100)
                .setOfflineRetention(Duration.ofHours(24)).setOfflineMaxBytes(64 << 20).setOfflineMaxQueues(50_000)
                .setMaxAnonymousPerAddress(20).setAckMode("write").setAckTimeout(Duration.ofMinutes(5));
    }

    private static void assertRefused(TestConfig config, String key) {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> SettingRules.check(config));
        assertTrue(refused.getMessage().startsWith(key + " "), refused.getMessage());
    }

    @Test
    void theDefaultsPass() {
        assertDoesNotThrow(() -> SettingRules.check(valid()));
        assertDoesNotThrow(() -> SettingRules.check(valid().setHeartbeatInterval(Duration.ZERO).setAckMode("client")));
    }

    @Test
    void aConnectionsBufferMustHoldTheLargestEvent() {
        assertRefused(valid().setMaxBufferedBytes(65_536 + 1023), "sse.client.max-buffered-bytes");
        assertDoesNotThrow(() -> SettingRules.check(valid().setMaxBufferedBytes(65_536 + 1024)));
    }

    @Test
    void theOfflineBudgetMustHoldTheLargestEvent() {
        assertRefused(valid().setOfflineMaxBytes(65_536), "sse.offline.max-bytes");
    }

    @Test
    void countsMustBePositiveAndDurationsNotNegative() {
        assertRefused(valid().setMaxClients(0), "sse.max-clients");
        assertRefused(valid().setReplayRetention(Duration.ofSeconds(-1)), "sse.replay.retention");
        assertRefused(valid().setWriteTimeout(Duration.ZERO), "sse.client.write-timeout");
    }

    @Test
    void theAckModeIsWriteOrClient() {
        assertRefused(valid().setAckMode("sometimes"), "sse.delivery.ack");
    }
}
