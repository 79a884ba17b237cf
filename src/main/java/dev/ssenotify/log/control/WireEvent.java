package dev.ssenotify.log.control;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/**
 * An outbound event that carries its own bytes in the event-stream format, built once. The same instance
 * goes to every stream, and {@code WireEventWriter} writes those bytes in one call, where the runtime's
 * own writer would encode the name, id and data again for every stream. It is a complete
 * {@link OutboundSseEvent}, so a runtime that ignores the writer still sends it correctly.
 * <p>
 * Names and ids were validated before (no CR, LF or NUL); data lines are split here like any SSE writer's.
 * The bytes end with the blank line that completes the event.
 */
public final class WireEvent implements OutboundSseEvent {

    private static final long NO_RETRY = -1;

    private final String comment;
    private final String name;
    private final String id;
    private final long retryMillis;
    private final byte[] data;
    private final byte[] wire;

    private WireEvent(String comment, String name, String id, long retryMillis, byte[] data) {
        this.comment = comment;
        this.name = name;
        this.id = id;
        this.retryMillis = retryMillis;
        this.data = data;
        this.wire = encode();
    }

    /** An event; {@code id} and {@code retryMillis} may be null. */
    public static WireEvent event(String name, String id, Long retryMillis, byte[] data) {
        return new WireEvent(null, name, id, retryMillis == null ? NO_RETRY : retryMillis, data);
    }

    /** A comment line, which clients ignore: heartbeats and probes. */
    public static WireEvent comment(String text) {
        return new WireEvent(text, null, null, NO_RETRY, null);
    }

    /** The whole event as it goes on the wire, blank line included. Not to be modified. */
    public byte[] wire() {
        return wire;
    }

    private byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + (data == null ? 0 : data.length));
        if (comment != null) {
            lines(out, ": ", comment.getBytes(StandardCharsets.UTF_8));
        }
        if (name != null) {
            field(out, "event: ", name);
        }
        if (id != null) {
            field(out, "id: ", id);
        }
        if (retryMillis != NO_RETRY) {
            field(out, "retry: ", Long.toString(retryMillis));
        }
        if (data != null) {
            lines(out, "data: ", data);
        }
        out.write('\n');
        return out.toByteArray();
    }

    private static void field(ByteArrayOutputStream out, String lead, String value) {
        out.writeBytes(lead.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
    }

    // Every line of the value gets the lead: CR LF, CR and LF all end a line in the event-stream format.
    private static void lines(ByteArrayOutputStream out, String lead, byte[] value) {
        byte[] leadBytes = lead.getBytes(StandardCharsets.US_ASCII);
        int start = 0;
        for (int i = 0; i <= value.length; i++) {
            boolean end = i == value.length;
            if (end || value[i] == '\n' || value[i] == '\r') {
                out.writeBytes(leadBytes);
                out.write(value, start, i - start);
                out.write('\n');
                if (!end && value[i] == '\r' && i + 1 < value.length && value[i + 1] == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
    }

    @Override
    public Class<?> getType() {
        return byte[].class;
    }

    @Override
    public Type getGenericType() {
        return byte[].class;
    }

    @Override
    public MediaType getMediaType() {
        return MediaType.TEXT_PLAIN_TYPE;
    }

    @Override
    public String getComment() {
        return comment;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public Object getData() {
        return data;
    }

    @Override
    public long getReconnectDelay() {
        return retryMillis;
    }

    @Override
    public boolean isReconnectDelaySet() {
        return retryMillis != NO_RETRY;
    }
}
