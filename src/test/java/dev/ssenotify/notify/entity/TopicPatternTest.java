package dev.ssenotify.notify.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Topic names and patterns: what is one, what a pattern matches, and when one pattern covers another. */
class TopicPatternTest {

    @ParameterizedTest
    @ValueSource(strings = {"orders", "orders/42", "a.b_c~d:e@f-g/0", "*", "**", "news/*", "news/**", "**/x/*",
            "Z/z/9"})
    void validPatterns(String text) {
        assertEquals(text, TopicPattern.parse(text).text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "a/", "/a", "a//b", "a b", "a/b c", "news/*x", "news/x*", "news/***", "a/\u00e9",
            "a\nb", "a\u0000", "a/?", "a/#", "a%2Fb", "a+b"})
    void malformedPatterns(String text) {
        assertThrows(IllegalArgumentException.class, () -> TopicPattern.parse(text));
    }

    @Test
    void theLengthIsCappedAt200Characters() {
        String longest = "a/".repeat(99) + "ab";
        assertEquals(200, longest.length());
        assertEquals(longest, TopicPattern.parse(longest).text());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TopicPattern.parse(longest + "c"));
        assertTrue(e.getMessage().contains("200"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TopicPattern.parse(null));
    }

    @Test
    void aNameToPublishToHasNoWildcard() {
        assertEquals("orders/42", TopicPattern.name("orders/42").text());
        assertThrows(IllegalArgumentException.class, () -> TopicPattern.name("orders/*"));
        assertThrows(IllegalArgumentException.class, () -> TopicPattern.name("**"));
        assertTrue(TopicPattern.parse("orders/42").exact());
        assertFalse(TopicPattern.parse("orders/*").exact());
        assertFalse(TopicPattern.parse("**").exact());
    }

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource({
            "orders/42, orders/42, true",
            "orders/42, orders/43, false",
            "orders/42, orders/42/x, false",
            "orders/42, orders, false",
            "Orders/42, orders/42, false",
            "news/*, news/eu, true",
            "news/*, news, false",
            "news/*, news/eu/x, false",
            "news/*, sport/eu, false",
            "*, a, true",
            "*, a/b, false",
            "*/*, a/b, true",
            "news/**, news, true",
            "news/**, news/eu, true",
            "news/**, news/eu/x/y, true",
            "news/**, newsy/eu, false",
            "**, a, true",
            "**, a/b/c, true",
            "**/x, x, true",
            "**/x, a/b/x, true",
            "**/x, a/x/b, false",
            "a/**/b, a/b, true",
            "a/**/b, a/x/y/b, true",
            "a/**/b, a/x/y/c, false",
            "*/**, a, true",
            "*/*/**, a, false",
            "**/*/x/**, x, false",
            "**/*/x/**, y/x, true",
    })
    void matching(String pattern, String topic, boolean matches) {
        assertEquals(matches, TopicPattern.parse(pattern).matches(topic));
    }

    @ParameterizedTest(name = "{0} covers {1}: {2}")
    @CsvSource({
            "news/**, news/*, true",
            "news/**, news/a/b, true",
            "news/**, news/**, true",
            "news/**, news, true",
            "news/*, news/**, false",
            "news/*, news/eu, true",
            "news/*, news/*, true",
            "news/*, news, false",
            "news/*, */eu, false",
            "news/eu, news/*, false",
            "news/eu, news/eu, true",
            "**, **, true",
            "**, a/*/**/b, true",
            "*, **, false",
            "*/**, **/*, true",
            "**/*, */**, true",
            "*/**, **, true",
            "*/*, **, false",
            "**/**, **, true",
            "**, **/**, true",
            "*/*/**, */**, false",
            "**/a/**, a/**, true",
            "**/*/*/b, b/**/a/b, true",
            "*/**/*, a/**/b, true",
            "*/*/**, **/a/*, true",
            "*/*/**, **/a, false",
            "**/a/**, b/**, false",
            "**/a, **/*/a, true",
            "**/*/a, **/a, false",
            "a/**/b, a/b, true",
            "a/**/b, a/**/x/b, true",
            "a/*/b, a/**/b, false",
            "orders/*, orders/42, true",
            "orders/*, orders/42/items, false",
    })
    void coverage(String allowed, String requested, boolean covers) {
        assertEquals(covers, TopicPattern.parse(allowed).covers(TopicPattern.parse(requested)));
    }

    /**
     * Coverage checked against its definition on random patterns: over segments a, b and one no pattern names,
     * {@code covers} holds exactly when no topic of up to 6 segments is matched by the inner pattern and not by
     * the outer (a topic one pattern matches and the other does not, if any, is short for patterns this short).
     */
    @Test
    void coverageAgreesWithItsDefinitionOnRandomPatterns() {
        Random random = new Random(18);
        List<String> topics = topics(6);
        String[] tokens = {"a", "b", "*", "**"};
        int disagreements = 0;
        int covered = 0;
        for (int round = 0; round < 3000; round++) {
            TopicPattern outer = TopicPattern.parse(randomPattern(random, tokens));
            TopicPattern inner = TopicPattern.parse(randomPattern(random, tokens));
            boolean byDefinition = topics.stream().noneMatch(t -> inner.matches(t) && !outer.matches(t));
            if (byDefinition != outer.covers(inner)) {
                disagreements++;
            }
            covered += byDefinition ? 1 : 0;
        }
        assertEquals(0, disagreements);
        assertTrue(covered > 300, "the random pairs include covering ones: " + covered);
    }

    @Test
    void coverageThatWouldCostTooMuchToDecideIsRefusedNotComputed() {
        TopicPattern costly = TopicPattern.parse("**/a" + "/*".repeat(30));
        TopicPattern everything = TopicPattern.parse("**");
        assertTrue(everything.matches("a" + "/x".repeat(30)));
        assertFalse(everything.covers(costly), "gives up and refuses, the safe answer");
        assertTrue(everything.covers(TopicPattern.parse("**/a/*/*")), "an ordinary pattern is decided");
        assertTrue(TopicPattern.parse("**/a/**").covers(TopicPattern.parse("b/**/a/*/**")));
    }

    @Test
    void aPatternMatchesExactlyTheTopicsItCovers() {
        for (String topic : topics(3)) {
            for (String pattern : List.of("a/*", "**", "a/**", "*/b/**", "**/c")) {
                TopicPattern p = TopicPattern.parse(pattern);
                assertEquals(p.matches(topic), p.covers(TopicPattern.name(topic)), pattern + " " + topic);
            }
        }
    }

    private static String randomPattern(Random random, String[] tokens) {
        int length = 1 + random.nextInt(4);
        List<String> segments = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            segments.add(tokens[random.nextInt(tokens.length)]);
        }
        return String.join("/", segments);
    }

    private static List<String> topics(int maxSegments) {
        List<String> out = new ArrayList<>();
        List<String> level = List.of("");
        for (int n = 1; n <= maxSegments; n++) {
            List<String> next = new ArrayList<>();
            for (String prefix : level) {
                for (String segment : List.of("a", "b", "c")) {
                    next.add(prefix.isEmpty() ? segment : prefix + "/" + segment);
                }
            }
            out.addAll(next);
            level = next;
        }
        return out;
    }
}
