package dev.ssenotify.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * The text/event-stream grammar (WHATWG HTML, "event stream interpretation") fed with decoded body bytes in
 * arbitrary pieces: a line, a UTF-8 sequence or a CRLF may be split between two reads.
 */
final class SseEventParser {

    private final Consumer<SseEvent> events;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private final StringBuilder data = new StringBuilder();
    private String eventType = "";
    private String lastId;
    private boolean afterCr;
    private long comments;

    SseEventParser(Consumer<SseEvent> events) {
        this.events = events;
    }

    void feed(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            byte b = bytes[i];
            if (afterCr) {
                afterCr = false;
                if (b == '\n') {
                    continue;
                }
            }
            if (b == '\r') {
                afterCr = true;
                endLine();
            } else if (b == '\n') {
                endLine();
            } else {
                line.write(b);
            }
        }
    }

    /** Comment lines seen, heartbeats included. */
    long comments() {
        return comments;
    }

    private void endLine() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (text.isEmpty()) {
            dispatch();
        } else if (text.charAt(0) == ':') {
            comments++;
        } else {
            int colon = text.indexOf(':');
            String field = colon < 0 ? text : text.substring(0, colon);
            String value = colon < 0 ? "" : text.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            field(field, value);
        }
    }

    private void field(String field, String value) {
        switch (field) {
            case "event" -> eventType = value;
            case "data" -> data.append(value).append('\n');
            case "id" -> {
                if (value.indexOf('\0') < 0) {
                    lastId = value;
                }
            }
            default -> {
                // retry and unknown fields do not change what the benchmark counts
            }
        }
    }

    private void dispatch() {
        if (data.length() == 0) {
            eventType = "";
            return;
        }
        String payload = data.substring(0, data.length() - 1);
        data.setLength(0);
        String type = eventType.isEmpty() ? "message" : eventType;
        eventType = "";
        events.accept(new SseEvent(type, lastId, payload));
    }
}
