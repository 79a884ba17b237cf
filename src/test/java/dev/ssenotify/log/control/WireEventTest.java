package dev.ssenotify.log.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WireEventTest {

    private static String wire(WireEvent event) {
        return new String(event.wire(), StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anEventHasItsFieldsInTheOrderClientsExpectAndEndsWithABlankLine() {
        WireEvent event = WireEvent.event("video.done", "k2x-7", 5000L, utf8("{\"v\":\"é\"}"));
        assertEquals("event: video.done\nid: k2x-7\nretry: 5000\ndata: {\"v\":\"é\"}\n\n", wire(event));
        assertEquals("video.done", event.getName());
        assertEquals("k2x-7", event.getId());
        assertTrue(event.isReconnectDelaySet());
        assertArrayEquals(utf8("{\"v\":\"é\"}"), (byte[]) event.getData());
    }

    @Test
    void fieldsThatAreNotSetAreLeftOut() {
        WireEvent event = WireEvent.event("sse.gap", null, null, utf8("{}"));
        assertEquals("event: sse.gap\ndata: {}\n\n", wire(event));
        assertFalse(event.isReconnectDelaySet());
    }

    @Test
    void everyLineOfTheDataGetsItsOwnDataField() {
        WireEvent event = WireEvent.event("m", null, null, utf8("a\nb\r\nc\rd"));
        assertEquals("event: m\ndata: a\ndata: b\ndata: c\ndata: d\n\n", wire(event));
    }

    @Test
    void aCommentIsOneLineThatClientsIgnore() {
        assertEquals(": heartbeat\n\n", wire(WireEvent.comment("heartbeat")));
    }
}
