package dev.ssenotify.it.host;

import dev.ssenotify.notify.boundary.SseService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.Map;

/** The host application's own code, publishing through the library's Java API. */
@Path("host/announce")
@ApplicationScoped
public class Announcements {

    @Inject
    SseService sse;

    @POST
    public String announce(@QueryParam("text") String text) {
        return sse.notifyAll("announcement", Map.of("text", text)).toCompletableFuture().join().eventId();
    }
}
