package dev.ssenotify.offline.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssenotify.config.TestConfig;
import dev.ssenotify.log.control.EventEncoder;
import dev.ssenotify.log.control.LoggedEvent;
import dev.ssenotify.notify.entity.SseTarget;
import dev.ssenotify.testing.Fixtures;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The offline queues' budgets: events per queue, bytes across queues, number of queues, ended sessions. */
class InboxesTest {

    private static final int EVENT_BYTES = 1000;

    private final EventEncoder encoder = new EventEncoder(Fixtures.config());
    private Inboxes inboxes;
    private int droppedSeen;
    private long sequence;

    @BeforeEach
    void setUp() {
        TestConfig config = Fixtures.config();
        config.setOfflineMaxEvents(100);
        config.setOfflineMaxQueues(3);
        // Room for exactly five of the test's events.
        config.setOfflineMaxBytes(5 * (cost() + 0L));
        inboxes = Fixtures.inboxes(config, new Fixtures.QuietTelemetry() {
            @Override
            public void offlineDropped(int count) {
                droppedSeen += count;
            }
        });
    }

    private LoggedEvent event(SseTarget target) {
        long s = ++sequence;
        LoggedEvent event = new LoggedEvent(s, "id-" + s, target, null, System.nanoTime(),
                encoder.wire("id-" + s, "e", "\"" + "x".repeat(EVENT_BYTES) + "\"", null), null);
        return event;
    }

    private int cost() {
        LoggedEvent probe = new LoggedEvent(1, "id-1", SseTarget.user("u"), null, 0,
                encoder.wire("id-1", "e", "\"" + "x".repeat(EVENT_BYTES) + "\"", null), null);
        return (int) OfflineLedger.cost(probe);
    }

    private List<Long> backlog(String user, String session) {
        return inboxes.backlog(user, session, -1, Long.MAX_VALUE).events().stream().map(LoggedEvent::sequence).toList();
    }

    @Test
    void pastTheByteBudgetTheOldestEventAnywhereGoesAndItsOwnerSeesTheLoss() {
        for (int i = 0; i < 3; i++) {
            inboxes.record(event(SseTarget.user("alice")));
        }
        for (int i = 0; i < 4; i++) {
            inboxes.record(event(SseTarget.user("bob")));
        }
        assertTrue(inboxes.queuedBytes() <= 5L * cost(), "within the budget: " + inboxes.queuedBytes());
        assertEquals(5, inboxes.queued());
        assertEquals(2, droppedSeen);
        assertEquals(List.of(3L), backlog("alice", null), "alice's two oldest went first");
        assertTrue(inboxes.backlog("alice", null, -1, Long.MAX_VALUE).lost(), "alice gets offline-overflow");
        assertEquals(List.of(4L, 5L, 6L, 7L), backlog("bob", null));
        assertFalse(inboxes.backlog("bob", null, -1, Long.MAX_VALUE).lost(), "bob lost nothing");
    }

    @Test
    void pastTheQueueCapTheQueueWithTheOldestEventGoesAndItsLossIsRemembered() {
        inboxes.record(event(SseTarget.session("s1")));
        inboxes.record(event(SseTarget.session("s2")));
        inboxes.record(event(SseTarget.session("s3")));
        inboxes.record(event(SseTarget.session("s4")));
        assertEquals(3, inboxes.queues());
        assertEquals(List.of(), backlog(null, "s1"));
        assertTrue(inboxes.backlog(null, "s1", -1, Long.MAX_VALUE).lost(), "s1 still learns it lost events");
        assertEquals(List.of(4L), backlog(null, "s4"));
        // s1 comes back and gets a new event: the queue is new, the old loss still shows.
        inboxes.record(event(SseTarget.session("s1")));
        assertTrue(inboxes.backlog(null, "s1", -1, Long.MAX_VALUE).lost());
    }

    @Test
    void anEndedSessionsQueueIsDeletedAndNothingQueuesForItAgain() {
        inboxes.record(event(SseTarget.session("gone")));
        LoggedEvent pending = event(SseTarget.session("gone"));
        inboxes.record(pending);
        CompletionStage<?> receipt = inboxes.await(pending);
        inboxes.sessionEnded("gone");
        assertEquals(0, inboxes.queued());
        assertEquals(0, inboxes.queuedBytes());
        assertTrue(receipt.toCompletableFuture().isCompletedExceptionally(), "its waits fail at once");
        inboxes.record(event(SseTarget.session("gone")));
        assertEquals(0, inboxes.queued());
        assertTrue(inboxes.await(pending).toCompletableFuture().isCompletedExceptionally());
    }

    @Test
    void deliveredEventsGiveTheirBytesBack() {
        LoggedEvent first = event(SseTarget.user("carol"));
        inboxes.record(first);
        inboxes.record(event(SseTarget.user("carol")));
        inboxes.written(first);
        assertEquals(1, inboxes.queued());
        assertEquals(cost(), inboxes.queuedBytes());
    }
}
