package dev.ssenotify.notify.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A stream's topics as a value: each once, in the order asked, changed into a new value. */
class TopicsTest {

    private static List<TopicPattern> patterns(String... texts) {
        return java.util.Arrays.stream(texts).map(TopicPattern::parse).toList();
    }

    @Test
    void eachPatternOnceInTheOrderFirstAsked() {
        Topics topics = Topics.of(patterns("b", "a/*", "b"));
        assertEquals(List.of("b", "a/*"), topics.names());
        assertEquals(2, topics.size());
        assertSame(Topics.NONE, Topics.of(List.of()));
        assertTrue(Topics.NONE.isEmpty());
    }

    @Test
    void aChangeAddsNewOnesAtTheEndRemovesOthersAndLeavesTheOriginal() {
        Topics before = Topics.of(patterns("a", "b"));
        Topics after = before.change(patterns("c", "a"), patterns("b", "zzz"));
        assertEquals(List.of("a", "c"), after.names());
        assertEquals(List.of("a", "b"), before.names());
        assertSame(Topics.NONE, after.change(List.of(), patterns("a", "c")));
        assertEquals(Topics.of(patterns("a", "c")), after);
    }

    @Test
    void matchesWhenAnyPatternDoes() {
        Topics topics = Topics.of(patterns("orders/42", "news/**"));
        assertTrue(topics.matches("orders/42"));
        assertTrue(topics.matches("news"));
        assertTrue(topics.matches("news/eu/x"));
        assertFalse(topics.matches("orders/43"));
        assertFalse(Topics.NONE.matches("orders/42"));
    }
}
