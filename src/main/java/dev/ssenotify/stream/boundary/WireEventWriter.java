package dev.ssenotify.stream.boundary;

import dev.ssenotify.log.control.WireEvent;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Writes a {@link WireEvent}'s prepared bytes in one call when frames go through the sink
 * ({@code sse.dispatch.direct=false}): serialize once, write the same bytes to every stream. Jersey ends
 * every event it writes with a line of its own, so the event's closing blank line is left to it: one blank
 * line after each event, as on the direct path. Other outbound events keep the runtime's own writer.
 */
@Provider
@Produces(MediaType.SERVER_SENT_EVENTS)
public class WireEventWriter implements MessageBodyWriter<WireEvent> {

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == WireEvent.class;
    }

    @Override
    public void writeTo(WireEvent event, Class<?> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        byte[] wire = event.wire();
        out.write(wire, 0, wire.length - 1);
    }
}
