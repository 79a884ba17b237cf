package dev.ssenotify.limits.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SeenKeysTest {

    @Test
    void aRememberedKeyIsSeenUntilItsTimeIsUp() {
        SeenKeys keys = new SeenKeys.Local(10);
        assertFalse(keys.seen("a"));
        keys.remember("a", Duration.ofHours(1));
        keys.remember("b", Duration.ZERO);
        assertTrue(keys.seen("a"));
        assertFalse(keys.seen("b"), "its time is up at once");
    }

    @Test
    void theOldestGoFirstPastTheBound() {
        SeenKeys keys = new SeenKeys.Local(3);
        for (String key : new String[] {"a", "b", "c", "d"}) {
            keys.remember(key, Duration.ofHours(1));
        }
        assertFalse(keys.seen("a"));
        assertTrue(keys.seen("b") && keys.seen("c") && keys.seen("d"));
    }
}
