package dev.ssenotify.stream.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ssenotify.config.TestConfig;
import dev.ssenotify.log.control.EventEncoder;
import dev.ssenotify.log.control.EventIds;
import dev.ssenotify.log.control.InMemoryEventLog;
import dev.ssenotify.log.control.LoggedEvent;
import dev.ssenotify.notify.entity.ClientInfo;
import dev.ssenotify.notify.entity.SseTarget;
import dev.ssenotify.notify.entity.TopicPattern;
import dev.ssenotify.notify.entity.Topics;
import dev.ssenotify.offline.control.Inboxes;
import dev.ssenotify.testing.Fixtures;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a new stream starts with, case by case: the decision table of {@link Replays}. */
class ReplaysTest {

    private static final ClientInfo ALICE = new ClientInfo("c1", "alice", null, Instant.now());
    private static final ClientInfo NOBODY = new ClientInfo("c2", null, null, Instant.now());

    private InMemoryEventLog log;
    private Inboxes inboxes;
    private Replays replays;

    @BeforeEach
    void setUp() {
        TestConfig config = Fixtures.config();
        config.setReplayMaxEvents(3);
        config.setOfflineMaxEvents(2);
        inboxes = Fixtures.inboxes(config, new Fixtures.QuietTelemetry());
        log = Fixtures.log(config);
        log.subscribe(event -> {
            inboxes.record(event);
            return 0;
        });
        replays = new Replays(log, inboxes);
    }

    private String publish(SseTarget target) {
        return log.append(target, null, "e", "1", null, null).toCompletableFuture().join().event().id();
    }

    private static List<String> ids(Replays.Plan plan) {
        return plan.events().stream().map(LoggedEvent::id).toList();
    }

    @Test
    void aFirstStreamWithoutAnIdGetsItsOfflineQueueAndHearsOfWhatItLost() {
        publish(SseTarget.user("alice"));
        String second = publish(SseTarget.user("alice"));
        String third = publish(SseTarget.user("alice"));
        Replays.Plan plan = replays.plan(ALICE, null, log.head(), true);
        assertEquals(List.of(second, third), ids(plan), "the queue keeps two");
        assertEquals("offline-overflow", plan.gap().reason());
        assertEquals(log.parse(second) instanceof EventIds.Known k ? k.sequence() - 1 : -1, plan.resumeFrom(),
                "resumes from just before the first queued event");
    }

    @Test
    void aSecondStreamOrAnAnonymousOneStartsAtTheHead() {
        publish(SseTarget.user("alice"));
        assertEquals(List.of(), ids(replays.plan(ALICE, null, log.head(), false)));
        Replays.Plan anonymous = replays.plan(NOBODY, null, log.head(), true);
        assertEquals(List.of(), ids(anonymous));
        assertNull(anonymous.gap());
        assertEquals(log.head(), anonymous.resumeFrom());
    }

    @Test
    void aKnownIdReplaysWhatFollowsThatTheClientMaySee() {
        String from = publish(SseTarget.user("alice"));
        publish(SseTarget.user("bob"));
        String mine = publish(SseTarget.all());
        Replays.Plan plan = replays.plan(ALICE, from, log.head(), true);
        assertEquals(List.of(mine), ids(plan), "bob's event is not alice's to replay");
        assertNull(plan.gap());
    }

    @Test
    void anIdOlderThanTheLogSaysStaleAndFallsBackOnTheQueue() {
        String old = publish(SseTarget.all());
        // The log keeps three: the first of these four goes too, so something after the client's id is lost.
        for (int i = 0; i < 4; i++) {
            publish(SseTarget.user("alice"));
        }
        Replays.Plan plan = replays.plan(ALICE, old, log.head(), true);
        assertEquals("stale", plan.gap().reason());
        assertEquals(3, plan.events().size(), "the log's window and the queue together");
    }

    @Test
    void malformedAndForeignIdsAreToldApart() {
        publish(SseTarget.user("alice"));
        assertEquals("malformed", replays.plan(ALICE, "not an id", log.head(), true).gap().reason());
        assertEquals("unknown", replays.plan(ALICE, "zzzz-1", log.head(), true).gap().reason());
        assertEquals(1, replays.plan(ALICE, "zzzz-1", log.head(), true).events().size(), "the queue still comes");
    }

    @Test
    void anUnreachableLogStillOpensTheStreamWithAGap() {
        Replays broken = new Replays(new InMemoryEventLog(Fixtures.config(), new EventEncoder(Fixtures.config())) {
            @Override
            public EventIds.Parsed parse(String id) {
                throw new IllegalStateException("the event log could not be read");
            }
        }, inboxes);
        Replays.Plan plan = broken.plan(ALICE, "x-1", 7, true);
        assertEquals("unavailable", plan.gap().reason());
        assertEquals(7, plan.resumeFrom());
    }

    @Test
    void aReconnectGetsTheTopicEventsOfTheTopicsItAsksForNowWhoeverItIs() {
        String from = publish(SseTarget.all());
        String orders = publish(SseTarget.topic("orders/42"));
        String news = publish(SseTarget.topic("news/eu/x"));
        publish(SseTarget.topic("sport/1"));
        Topics topics = Topics.of(java.util.stream.Stream.of("orders/42", "news/**").map(TopicPattern::parse).toList());
        assertEquals(List.of(orders, news), ids(replays.plan(NOBODY, topics, from, log.head(), true)));
        assertEquals(List.of(orders, news), ids(replays.plan(ALICE, topics, from, log.head(), false)));
        assertEquals(List.of(), ids(replays.plan(ALICE, from, log.head(), true)), "no topics, no topic events");
        Topics other = Topics.of(List.of(TopicPattern.parse("sport/*")));
        assertEquals(1, replays.plan(NOBODY, other, from, log.head(), true).events().size());
    }
}
