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
                SseTarget.broadcast(), SseTarget.all())) {
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
}
