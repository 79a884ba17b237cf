package dev.ssenotify.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ResponseHeadParserTest {

    @Test
    void headSplitOverReadsLeavesTheBodyInTheBuffer() {
        ResponseHeadParser parser = new ResponseHeadParser();
        assertNull(parser.parse(buffer("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r")));
        ByteBuffer rest = buffer("\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello");
        ResponseHead head = parser.parse(rest);
        assertEquals(200, head.status());
        assertTrue(head.chunked());
        assertTrue(head.eventStream());
        assertEquals("5\r\nhello", StandardCharsets.ISO_8859_1.decode(rest).toString());
    }

    @Test
    void rejectsWhatIsNotHttp() {
        assertThrows(ProtocolException.class, () -> new ResponseHeadParser().parse(buffer("SSH-2.0\r\n\r\n")));
    }

    private static ByteBuffer buffer(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.ISO_8859_1));
    }
}
