package dev.ssenotify.notify.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Each target kind's rules: whom it reaches, what may be replayed to whom, where it is indexed and queued. */
class SseTargetTest {

    private static final ClientInfo ALICE = new ClientInfo("c-alice", "alice", "s-1", Instant.now());
    private static final ClientInfo ANONYMOUS = new ClientInfo("c-anon", null, "s-2", Instant.now());

    @Test
    void aUserTargetReachesThatUserOnlyAndIsQueuedForIt() {
        SseTarget target = SseTarget.user("alice");
        assertTrue(target.reaches(ALICE));
        assertFalse(target.reaches(ANONYMOUS));
        assertTrue(target.replayableTo("alice", null));
        assertFalse(target.replayableTo("bob", "s-1"));
        assertEquals("u:alice", target.indexKey());
        assertEquals("u:alice", target.inboxKey());
    }

    @Test
    void aSessionTargetReachesThatSessionWhoeverIsSignedIn() {
        SseTarget target = SseTarget.session("s-2");
        assertTrue(target.reaches(ANONYMOUS));
        assertFalse(target.reaches(ALICE));
        assertTrue(target.replayableTo(null, "s-2"));
        assertEquals("s:s-2", target.inboxKey());
    }

    @Test
    void aClientTargetIsOneConnectionNeverReplayedNorQueued() {
        SseTarget target = SseTarget.client("c-alice");
        assertTrue(target.reaches(ALICE));
        assertFalse(target.reaches(ANONYMOUS));
        assertFalse(target.replayableTo("alice", "s-1"), "a new stream is a new connection");
        assertEquals("c:c-alice", target.indexKey());
        assertNull(target.inboxKey());
    }

    @Test
    void broadcastIsForSignedInConnectionsAndAllForEveryone() {
        assertTrue(SseTarget.broadcast().reaches(ALICE));
        assertFalse(SseTarget.broadcast().reaches(ANONYMOUS));
        assertFalse(SseTarget.broadcast().replayableTo(null, "s-2"));
        assertTrue(SseTarget.all().reaches(ANONYMOUS));
        assertTrue(SseTarget.all().replayableTo(null, null));
        assertNull(SseTarget.all().indexKey(), "found by looking at every connection");
        assertNull(SseTarget.broadcast().inboxKey());
    }
}
