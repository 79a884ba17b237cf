package dev.ssenotify.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ChunkedDecoderTest {

    private static final String WIRE = "5\r\nhello\r\n1a;ext=1\r\nabcdefghijklmnopqrstuvwxyz\r\n0\r\nX-Trailer: y\r\n\r\n";

    @Test
    void decodesChunksWithExtensionsAndTrailers() {
        ChunkedDecoder decoder = new ChunkedDecoder();
        assertEquals("helloabcdefghijklmnopqrstuvwxyz", decode(decoder, WIRE, WIRE.length()));
        assertTrue(decoder.finished());
    }

    @Test
    void anySplitOfTheWireGivesTheSameBody() {
        for (int piece = 1; piece <= 7; piece++) {
            ChunkedDecoder decoder = new ChunkedDecoder();
            assertEquals("helloabcdefghijklmnopqrstuvwxyz", decode(decoder, WIRE, piece), "pieces of " + piece);
            assertTrue(decoder.finished());
        }
    }

    @Test
    void anOpenStreamIsNotFinished() {
        ChunkedDecoder decoder = new ChunkedDecoder();
        assertEquals("data: x\n\n", decode(decoder, "9\r\ndata: x\n\n\r\n", 3));
        assertFalse(decoder.finished());
    }

    @Test
    void rejectsGarbage() {
        assertThrows(ProtocolException.class, () -> decode(new ChunkedDecoder(), "zz\r\n", 4));
        assertThrows(ProtocolException.class, () -> decode(new ChunkedDecoder(), "2\r\nabX\r\n", 8));
    }

    static String decode(BodyDecoder decoder, String wire, int piece) {
        byte[] bytes = wire.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < bytes.length; i += piece) {
            ByteBuffer in = ByteBuffer.wrap(bytes, i, Math.min(piece, bytes.length - i)).slice();
            decoder.decode(in, out::write);
            assertFalse(in.hasRemaining() && !decoder.finished(), "the decoder consumes whole reads");
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
