package dev.ssenotify.telemetry.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssenotify.notify.entity.DisconnectReason;
import dev.ssenotify.notify.entity.RejectReason;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every count is one counter: what the metric exports is what the stats show. */
class TelemetryTest {

    final LocalMeters meters = new LocalMeters();
    final Telemetry telemetry = new Telemetry();

    @BeforeEach
    void setUp() {
        telemetry.meters = meters;
        telemetry.register();
    }

    private long metric(String key) {
        return meters.counts().get(key);
    }

    private void check(String name, Runnable count, LongSupplier stats) {
        count.run();
        count.run();
        assertEquals(2, metric(name), name);
        assertEquals(2, stats.getAsLong(), name);
    }

    @Test
    void eachCountIsTheExportedCounter() {
        check("sse.events.published", telemetry::published, telemetry::publishedCount);
        check("sse.events.sent", telemetry::sent, telemetry::sentCount);
        check("sse.events.failed", telemetry::failed, telemetry::failedCount);
        check("sse.heartbeats.sent", telemetry::heartbeat, telemetry::heartbeatCount);
        check("sse.connections.opened", telemetry::opened, telemetry::openedCount);
        check("sse.events.duplicate", telemetry::duplicate, telemetry::duplicateCount);
        check("sse.events.replayed", telemetry::replayed, telemetry::replayedCount);
        check("sse.gaps.signalled", telemetry::gap, telemetry::gapCount);
        check("sse.acks", telemetry::ack, telemetry::ackCount);
        check("sse.events.dropped", () -> telemetry.dropped(1), telemetry::droppedCount);
        check("sse.offline.dropped", () -> telemetry.offlineDropped(1), telemetry::offlineDroppedCount);
        telemetry.coalesced();
        assertEquals(1, metric("sse.events.coalesced"));
    }

    @Test
    void droppedEventsCountByTheirNumberAndNothingCountsNothing() {
        telemetry.dropped(3);
        telemetry.dropped(0);
        telemetry.offlineDropped(4);
        telemetry.offlineDropped(0);
        assertEquals(3, telemetry.droppedCount());
        assertEquals(3, metric("sse.events.dropped"));
        assertEquals(4, telemetry.offlineDroppedCount());
        assertEquals(4, metric("sse.offline.dropped"));
    }

    @Test
    void refusalsByReasonListEveryReasonInOrder() {
        telemetry.rejected(RejectReason.USER_LIMIT);
        telemetry.rejected(RejectReason.RATE_LIMIT);
        telemetry.rejected(RejectReason.RATE_LIMIT);
        Map<String, Long> stats = telemetry.rejectedByReason();
        assertEquals(List.of("user-limit", "server-limit", "address-limit", "rate-limit", "shutting-down"),
                List.copyOf(stats.keySet()));
        assertEquals(Map.of("user-limit", 1L, "server-limit", 0L, "address-limit", 0L, "rate-limit", 2L,
                "shutting-down", 0L), stats);
        assertEquals(2, metric("sse.connections.rejected{reason=rate-limit}"));
        assertEquals(0, metric("sse.connections.rejected{reason=shutting-down}"));
    }

    @Test
    void closesCountByReasonAndEvictionsOnlyForEvictions() {
        telemetry.closed(DisconnectReason.CLIENT_GONE);
        telemetry.closed(DisconnectReason.SLOW_CONSUMER);
        telemetry.closed(DisconnectReason.SLOW_CONSUMER);
        telemetry.closed(DisconnectReason.REPLACED);
        Map<String, Long> stats = telemetry.disconnectsByReason();
        assertEquals(Arrays.stream(DisconnectReason.values()).map(DisconnectReason::label).toList(),
                List.copyOf(stats.keySet()));
        assertEquals(1L, stats.get("client-gone"));
        assertEquals(2L, stats.get("slow-consumer"));
        assertEquals(0L, stats.get("write-failed"));
        assertEquals(2, metric("sse.connections.closed{reason=slow-consumer}"));
        assertEquals(2, metric("sse.evictions{reason=slow-consumer}"));
        assertEquals(1, metric("sse.evictions{reason=replaced}"));
        assertTrue(meters.counts().containsKey("sse.connections.closed{reason=client-gone}"));
        assertFalse(meters.counts().containsKey("sse.evictions{reason=client-gone}"));
        assertEquals(List.of("sse.evictions{reason=replaced}", "sse.evictions{reason=slow-consumer}"),
                meters.counts().keySet().stream().filter(k -> k.startsWith("sse.evictions")).toList());
    }

    @Test
    void rateLimitsCountUnderTheirLimitTag() {
        telemetry.rateLimited("publish");
        telemetry.rateLimited("publish");
        telemetry.rateLimited("login");
        assertEquals(2, metric("sse.rate.limited{limit=publish}"));
        assertEquals(1, metric("sse.rate.limited{limit=login}"));
    }

    @Test
    void theCountersAreExactlyTheOnesExportedToday() {
        List<String> plain = meters.counts().keySet().stream().filter(k -> !k.contains("{")).toList();
        assertEquals(List.of("sse.acks", "sse.connections.opened", "sse.events.coalesced",
                "sse.events.dropped", "sse.events.duplicate", "sse.events.failed", "sse.events.published",
                "sse.events.replayed", "sse.events.sent", "sse.gaps.signalled", "sse.heartbeats.sent",
                "sse.offline.dropped"), plain);
        assertEquals(12 + RejectReason.values().length + DisconnectReason.values().length + 2, meters.counts().size());
    }
}
