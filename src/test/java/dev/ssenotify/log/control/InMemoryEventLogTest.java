package dev.ssenotify.log.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssenotify.config.TestConfig;
import dev.ssenotify.notify.entity.SseTarget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InMemoryEventLogTest {

    private InMemoryEventLog log;
    private final List<Long> fannedOut = new ArrayList<>();

    @BeforeEach
    void setUp() {
        TestConfig config = new TestConfig();
        config.setReplayMaxEvents(5);
        config.setReplayRetention(Duration.ofMinutes(5));
        log = new InMemoryEventLog(config, new EventEncoder(config));
        log.subscribe(event -> {
            fannedOut.add(event.sequence());
            return 1;
        });
    }

    private EventLog.Appended append(String key) {
        return log.append(SseTarget.user("alice"), key, "e", "1", null, null).toCompletableFuture().join();
    }

    @Test
    void idsAreOrderedAndParseBackToTheirSequence() {
        String first = append(null).event().id();
        String second = append(null).event().id();
        EventIds.Known a = assertInstanceOf(EventIds.Known.class, log.parse(first));
        EventIds.Known b = assertInstanceOf(EventIds.Known.class, log.parse(second));
        assertTrue(a.sequence() < b.sequence());
        assertTrue(first.length() <= 40 && first.chars().allMatch(c -> c < 128));
        assertEquals(List.of(1L, 2L), fannedOut, "subscribers see every event once, in order");
    }

    @Test
    void tellsForeignAndMalformedIdsApart() {
        assertInstanceOf(EventIds.Foreign.class, log.parse("zzzz-1"));
        assertInstanceOf(EventIds.Malformed.class, log.parse("hello"));
        assertInstanceOf(EventIds.Malformed.class, log.parse("abc-1\n"));
        assertInstanceOf(EventIds.Malformed.class, log.parse(null));
        assertInstanceOf(EventIds.Malformed.class, log.parse("a".repeat(200)));
    }

    @Test
    void keepsOnlyTheLastMaxEvents() {
        for (int i = 0; i < 50; i++) {
            append(null);
        }
        assertEquals(5, log.size());
        assertEquals(46, log.oldest().sequence());
        assertNull(log.find(45));
    }

    @Test
    void readsARangeAndSaysWhenItWasCut() {
        for (int i = 0; i < 8; i++) {
            append(null);
        }
        EventLog.Range inside = log.readAfter(5, log.head());
        assertEquals(List.of(6L, 7L, 8L), inside.events().stream().map(LoggedEvent::sequence).toList());
        assertFalse(inside.truncated());
        EventLog.Range cut = log.readAfter(1, log.head());
        assertTrue(cut.truncated(), "events 2 and 3 are gone");
        assertEquals(List.of(4L, 5L, 6L, 7L, 8L), cut.events().stream().map(LoggedEvent::sequence).toList());
        assertTrue(log.readAfter(8, log.head()).events().isEmpty());
        assertEquals(List.of(6L), log.readAfter(5, 6).events().stream().map(LoggedEvent::sequence).toList(), "bounded by head");
    }

    @Test
    void aRepeatedKeyIsADuplicateUntilItLeavesTheWindow() {
        EventLog.Appended first = append("k");
        EventLog.Appended again = append("k");
        assertTrue(again.duplicate());
        assertSame(first.event(), again.event());
        assertEquals(1, log.size(), "nothing new was appended");
        for (int i = 0; i < 5; i++) {
            append(null);
        }
        assertFalse(append("k").duplicate(), "the key left the window with its event");
    }
}
