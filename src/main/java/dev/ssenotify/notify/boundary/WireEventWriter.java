package dev.ssenotify.notify.boundary;

import dev.ssenotify.notify.control.SinkWrites;
import dev.ssenotify.notify.control.WireEvent;
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
 * Writes a {@link WireEvent}'s prepared bytes in one call: serialize once, write the same bytes to every
 * stream. Other outbound events keep the runtime's own writer.
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
        out.write(event.wire());
        SinkWrites.wrote();
    }
}
