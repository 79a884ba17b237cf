package dev.ssenotify.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseEventParserTest {

    private static final String APP = "event: sse.connected\nretry: 5000\ndata: {\"clientId\":\"c1\"}\n\n"
            + ": heartbeat\n\n"
            + "event: bench\nid: 7\ndata: {\"round\":3,\"t\":\"é\"}\n\n";

    @Test
    void parsesNamedEventsAndSkipsComments() {
        List<SseEvent> events = new ArrayList<>();
        SseEventParser parser = new SseEventParser(events::add);
        feed(parser, APP, APP.length());
        assertEquals(List.of(new SseEvent("sse.connected", null, "{\"clientId\":\"c1\"}"),
                new SseEvent("bench", "7", "{\"round\":3,\"t\":\"é\"}")), events);
        assertEquals(1, parser.comments());
    }

    @Test
    void eventsSplitAtEveryByteParseTheSame() {
        for (int piece = 1; piece <= 5; piece++) {
            List<SseEvent> events = new ArrayList<>();
            feed(new SseEventParser(events::add), APP, piece);
            assertEquals(2, events.size(), "pieces of " + piece);
            assertEquals("{\"round\":3,\"t\":\"é\"}", events.get(1).data(), "a UTF-8 sequence split in two");
        }
    }

    @Test
    void nchanFramesWithCrLfAndMultiLineDataAreMessages() {
        List<SseEvent> events = new ArrayList<>();
        String wire = ": hi\r\n\r\nid: 1795803601:0\r\ndata: {\"round\":2,\r\ndata:\"x\":1}\r\n\r\n";
        feed(new SseEventParser(events::add), wire, 1);
        assertEquals(List.of(new SseEvent("message", "1795803601:0", "{\"round\":2,\n\"x\":1}")), events);
    }

    @Test
    void anEventWithoutDataIsNotDispatched() {
        List<SseEvent> events = new ArrayList<>();
        feed(new SseEventParser(events::add), "event: x\n\ndata: y\n\n", 100);
        assertEquals(List.of(new SseEvent("message", null, "y")), events);
    }

    @Test
    void roundsComeFromTheConfiguredKeyAndEventName() {
        RoundExtractor app = new RoundExtractor("bench", "round");
        RoundExtractor any = new RoundExtractor("", "round");
        SseEvent bench = new SseEvent("bench", "1", "{\"round\": 42,\"t\":9}");
        SseEvent plain = new SseEvent("message", "1:0", "{\"t\":9,\"round\":43}");
        assertEquals(42, app.round(bench));
        assertEquals(RoundExtractor.NONE, app.round(plain));
        assertEquals(43, any.round(plain));
        assertEquals(RoundExtractor.NONE, any.round(new SseEvent("sse.connected", null, "{\"clientId\":\"x\"}")));
    }

    private static void feed(SseEventParser parser, String wire, int piece) {
        byte[] bytes = wire.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i += piece) {
            parser.feed(bytes, i, Math.min(piece, bytes.length - i));
        }
    }
}
