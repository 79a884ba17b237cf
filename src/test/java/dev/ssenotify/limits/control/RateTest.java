package dev.ssenotify.limits.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bucket4j.Bandwidth;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RateTest {

    @Test
    void parsesOneRate() {
        assertEquals(List.of(new Rate(100, Duration.ofSeconds(1))), Rate.parseAll("k", "100/PT1S"));
    }

    @Test
    void parsesAListWithSpaces() {
        assertEquals(List.of(new Rate(5, Duration.ofMinutes(1)), new Rate(20, Duration.ofHours(1))),
                Rate.parseAll("k", " 5/PT1M , 20 / PT1H "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"off", "OFF", " off ", "", "  "})
    void offOrEmptyIsNoLimit(String text) {
        assertEquals(List.of(), Rate.parseAll("k", text));
    }

    @Test
    void nullIsNoLimit() {
        assertEquals(List.of(), Rate.parseAll("k", null));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "0/PT1S",         // count < 1
        "-3/PT1S",        // count < 1
        "ten/PT1S",       // not a number
        "10/1s",          // not an ISO-8601 duration
        "10/PT0S",        // zero period
        "10/-PT1S",       // negative period
        "100",            // no slash
        "garbage",
        "5/PT1M,",        // empty entry
        "5/PT1M,,20/PT1H",
        "off,5/PT1M",     // off is the whole value or nothing
        "99999999999999999999/PT1S", // beyond a long
    })
    void badInputNamesKeyValueAndForm(String text) {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Rate.parseAll("sse.publish.rate", text));
        assertTrue(e.getMessage().contains("sse.publish.rate"), e.getMessage());
        assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("<count>/<ISO-8601 duration>"), e.getMessage());
    }

    private static String messageFor(String text) {
        return assertThrows(IllegalStateException.class, () -> Rate.parseAll("k", text)).getMessage();
    }

    @Test
    void saysWhatIsWrong() {
        assertTrue(messageFor("0/PT1S").contains("at least 1"));
        assertTrue(messageFor("10/1s").contains("'1s' is not an ISO-8601 duration"));
        assertTrue(messageFor("10/PT0S").contains("positive"));
    }

    @Test
    void becomesAGreedyBandwidthOfItsCountOrABurst() {
        Bandwidth plain = new Rate(10, Duration.ofSeconds(2)).toBandwidth();
        assertEquals(10, plain.getCapacity());
        assertEquals(10, plain.getRefillTokens());
        assertEquals(Duration.ofSeconds(2).toNanos(), plain.getRefillPeriodNanos());
        assertTrue(plain.isGready(), "refills a token at a time, not all at the period's end");
        assertEquals(30, new Rate(10, Duration.ofSeconds(2)).toBandwidth(30).getCapacity());
    }

    @Test
    void describesItself() {
        assertEquals("5 per PT1M", new Rate(5, Duration.ofMinutes(1)).describe());
        assertEquals("5/PT1M", new Rate(5, Duration.ofMinutes(1)).toString());
    }
}
