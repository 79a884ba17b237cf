package dev.ssenotify.notify.entity;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SseEventTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "video-ready", "upload.progress", "ns:thing_1", "A1", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
    void acceptsValidNames(String name) {
        assertDoesNotThrow(() -> SseEvent.of(name, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-lead", ".lead", "has space", "new\nline", "cr\rname", "nul\0", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            "sse.connected", "sse.anything", "emoji😀", "semi;colon"})
    void rejectsInvalidNames(String name) {
        InvalidEventException e = assertThrows(InvalidEventException.class, () -> SseEvent.of(name, null));
        assertEquals("event", e.field());
    }

    @Test
    void rejectsMissingName() {
        assertThrows(InvalidEventException.class, () -> SseEvent.of(null, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\nb", "a\rb", "a\0b", "", "\n"})
    void rejectsIdsThatWouldBreakFraming(String id) {
        InvalidEventException e = assertThrows(InvalidEventException.class, () -> SseEvent.of("e", 1).withId(id));
        assertEquals("id", e.field());
    }

    @Test
    void limitsIdToOneHundredTwentyEightBytesOfUtf8() {
        assertDoesNotThrow(() -> SseEvent.of("e", 1).withId("x".repeat(128)));
        assertThrows(InvalidEventException.class, () -> SseEvent.of("e", 1).withId("x".repeat(129)));
        // 43 three-byte characters are 129 bytes although only 43 chars
        assertThrows(InvalidEventException.class, () -> SseEvent.of("e", 1).withId("€".repeat(43)));
    }

    @Test
    void rejectsNegativeRetry() {
        assertThrows(InvalidEventException.class, () -> SseEvent.of("e", 1).withRetry(-1L));
        assertDoesNotThrow(() -> SseEvent.of("e", 1).withRetry(0L));
    }

    @Test
    void targetsRequireTheirIds() {
        assertThrows(InvalidEventException.class, () -> SseTarget.user(" "));
        assertThrows(InvalidEventException.class, () -> SseTarget.session(null));
        assertThrows(InvalidEventException.class, () -> SseTarget.client(""));
        assertEquals("broadcast", SseTarget.broadcast().kind());
        assertEquals("user", SseTarget.user("u").kind());
    }
}
