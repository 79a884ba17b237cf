package dev.ssenotify.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Collects the response head across reads until the blank line; leaves the first body bytes in the buffer
 * for the body decoder.
 */
final class ResponseHeadParser {

    private static final int MAX_HEAD_BYTES = 16 * 1024;

    // Grows on demand: thousands of connections wait for their heads at once.
    private byte[] head = new byte[512];
    private int length;

    /** Returns the head once complete, else null; the buffer's position is left just after the head. */
    ResponseHead parse(ByteBuffer in) {
        while (in.hasRemaining()) {
            if (length == MAX_HEAD_BYTES) {
                throw new ProtocolException("response head longer than " + MAX_HEAD_BYTES + " bytes");
            }
            if (length == head.length) {
                head = java.util.Arrays.copyOf(head, Math.min(head.length * 2, MAX_HEAD_BYTES));
            }
            head[length++] = in.get();
            if (length >= 4 && head[length - 4] == '\r' && head[length - 3] == '\n' && head[length - 2] == '\r'
                    && head[length - 1] == '\n') {
                return toHead(new String(head, 0, length - 4, StandardCharsets.ISO_8859_1));
            }
        }
        return null;
    }

    private static ResponseHead toHead(String text) {
        String[] lines = text.split("\r\n");
        String[] status = lines[0].split(" ", 3);
        if (status.length < 2 || !status[0].startsWith("HTTP/1.")) {
            throw new ProtocolException("not an HTTP/1.x status line: " + lines[0]);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.merge(lines[i].substring(0, colon).trim().toLowerCase(), lines[i].substring(colon + 1).trim(),
                        (a, b) -> a + ", " + b);
            }
        }
        try {
            return new ResponseHead(Integer.parseInt(status[1]), headers);
        } catch (NumberFormatException e) {
            throw new ProtocolException("bad status code in: " + lines[0]);
        }
    }
}
