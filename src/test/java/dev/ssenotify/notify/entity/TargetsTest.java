package dev.ssenotify.notify.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading a target back from its wire form, and the ids user, session and client targets require. */
class TargetsTest {

    @Test
    void everyTargetReadsBackFromItsKindAndId() {
        for (SseTarget target : List.of(SseTarget.user("alice"), SseTarget.session("s-1"), SseTarget.client("c-1"),
                SseTarget.broadcast(), SseTarget.all(), SseTarget.topic("orders/42"))) {
            assertEquals(target, SseTarget.of(target.kind(), target.targetId()));
        }
        assertEquals("User[userId=alice]", SseTarget.of("user", "alice").toString());
        assertEquals("Broadcast[]", SseTarget.of("broadcast", "ignored").toString());
    }

    @Test
    void anUnknownKindIsAnInvalidTarget() {
        InvalidEventException e = assertThrows(InvalidEventException.class, () -> SseTarget.of("group", "g"));
        assertEquals("target", e.field());
        assertEquals("unknown target kind: group", e.getMessage());
    }

    @Test
    void aMissingOrBlankIdIsRefusedNamingItsField() {
        assertEquals("userId", assertThrows(InvalidEventException.class, () -> SseTarget.user(null)).field());
        assertEquals("sessionId",
                assertThrows(InvalidEventException.class, () -> SseTarget.of("session", " ")).field());
        InvalidEventException e = assertThrows(InvalidEventException.class, () -> new SseTarget.Client(""));
        assertEquals("clientId", e.field());
        assertEquals("clientId is required for this target", e.getMessage());
    }

    @Test
    void aTopicTargetIsAConcreteNameKeyedForItsIndexAndNeverQueuedOffline() {
        SseTarget topic = SseTarget.of("topic", "orders/42");
        assertEquals("topic", topic.kind());
        assertEquals("orders/42", topic.targetId());
        assertEquals("t:orders/42", topic.indexKey());
        assertEquals(null, topic.inboxKey());
        for (String bad : new String[] {"orders/*", "news/**", "", "a//b", "a b"}) {
            InvalidEventException e = assertThrows(InvalidEventException.class, () -> SseTarget.topic(bad), bad);
            assertEquals("topic", e.field());
        }
        assertEquals("topic", assertThrows(InvalidEventException.class, () -> SseTarget.topic(null)).field());
    }

    @Test
    void aTopicEventReachesAndReplaysToSubscribersOnlyWhoeverTheyAre() {
        ClientInfo anonymous = new ClientInfo("c", null, null, java.time.Instant.now());
        Topics news = Topics.of(List.of(TopicPattern.parse("news/*")));
        SseTarget target = SseTarget.topic("news/eu");
        assertEquals(true, target.reaches(anonymous, news));
        assertEquals(false, target.reaches(anonymous, Topics.NONE));
        assertEquals(false, target.reaches(anonymous), "without its topics no stream is reached");
        assertEquals(false, SseTarget.topic("sport/eu").reaches(anonymous, news));
        assertEquals(true, target.replayableTo(null, null, news));
        assertEquals(false, target.replayableTo("alice", "s", Topics.NONE));
        assertEquals(false, target.replayableTo("alice", "s"), "nor acknowledged as a user's own");
        assertEquals(true, SseTarget.user("alice").replayableTo("alice", null, news), "other kinds ignore topics");
        assertEquals(true, SseTarget.all().reaches(anonymous, news));
        assertEquals(false, SseTarget.broadcast().reaches(anonymous, news));
    }
}
