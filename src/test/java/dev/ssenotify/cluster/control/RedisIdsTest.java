package dev.ssenotify.cluster.control;

import dev.ssenotify.log.control.EventIds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RedisIdsTest {

    @Test
    void streamIdsPackIntoOrderedLongsAndBack() {
        long a = RedisIds.sequence("1795800000000-0");
        long b = RedisIds.sequence("1795800000000-1");
        long c = RedisIds.sequence("1795800000001-0");
        assertTrue(a < b && b < c, "stream order is numeric order");
        assertEquals("1795800000000-1", RedisIds.id(b));
        assertEquals("0-0", RedisIds.id(0));
    }

    @Test
    void rejectsWhatRedisWouldNotHaveWritten() {
        assertInstanceOf(EventIds.Malformed.class, RedisIds.parse("abc-1"));
        assertInstanceOf(EventIds.Malformed.class, RedisIds.parse("1-99999999"));
        assertInstanceOf(EventIds.Malformed.class, RedisIds.parse("1795800000000"));
        assertInstanceOf(EventIds.Malformed.class, RedisIds.parse(null));
        assertInstanceOf(EventIds.Known.class, RedisIds.parse("1795800000000-5"));
    }
}
