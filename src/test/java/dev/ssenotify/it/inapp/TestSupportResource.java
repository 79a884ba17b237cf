package dev.ssenotify.it.inapp;

import dev.ssenotify.notify.boundary.SseService;
import dev.ssenotify.notify.entity.Notification;
import dev.ssenotify.notify.entity.SseEvent;
import dev.ssenotify.notify.entity.SseTarget;
import dev.ssenotify.stream.control.Streams;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Deployed with the tests only: lets a test look inside without writing to any stream, and publish from
 * application code the way another bean would.
 */
@Path("test-support")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TestSupportResource {

    @Inject
    Streams streams;
    @Inject
    SseService service;
    @Inject
    Event<Notification> notifications;
    @Inject
    LifecycleRecorder lifecycle;

    /** Whether a client is registered, without probing it with a write. */
    @GET
    @Path("client")
    public JsonObject client(@QueryParam("id") String clientId) {
        String reason = lifecycle.disconnectReason(clientId);
        var out = Json.createObjectBuilder()
                .add("registered", streams.find(clientId).isPresent())
                .add("connectedEvent", lifecycle.connected(clientId))
                .add("heartbeatEvents", lifecycle.heartbeats(clientId));
        if (reason == null) {
            out.addNull("disconnectReason");
        } else {
            out.add("disconnectReason", reason);
        }
        return out.build();
    }

    /** Closes streams from the server side, as an application would with {@code SseService.disconnect}. */
    @POST
    @Path("drop")
    public JsonObject drop(@QueryParam("target") String target, @QueryParam("id") String id) {
        SseTarget what = SseTarget.of(target, id);
        return Json.createObjectBuilder().add("closed", service.disconnect(what)).build();
    }

    /** The Last-Event-ID headers seen on {@code /api/sse}, oldest first. */
    @GET
    @Path("last-event-ids")
    public jakarta.json.JsonArray lastEventIds() {
        return Json.createArrayBuilder(LastEventIdRecorder.SEEN).build();
    }

    /** Publishes {@code count} events to a user through the Java API; returns their ids in order. */
    @POST
    @Path("publish")
    public jakarta.json.JsonArray publish(@QueryParam("user") String user, @QueryParam("event") String event,
                                          @QueryParam("count") int count, @QueryParam("from") int from) {
        var ids = Json.createArrayBuilder();
        for (int i = 0; i < count; i++) {
            ids.add(service.notifyUser(user, event, Map.of("n", from + i)).toCompletableFuture().join().eventId());
        }
        return ids.build();
    }

    /** Publishes one event to a user and waits (bounded) until it counts as delivered. */
    @POST
    @Path("publish-await-ack")
    public JsonObject publishAwaitAck(@QueryParam("user") String user, @QueryParam("event") String event,
                                      @QueryParam("seconds") int seconds) throws Exception {
        var receipt = service.notifyUser(user, event, Map.of("awaiting", true)).toCompletableFuture().join();
        try {
            var ack = receipt.acknowledged().toCompletableFuture().get(seconds, TimeUnit.SECONDS);
            return Json.createObjectBuilder().add("eventId", receipt.eventId()).add("via", ack.via()).build();
        } catch (java.util.concurrent.TimeoutException e) {
            return Json.createObjectBuilder().add("eventId", receipt.eventId()).add("via", "none").build();
        }
    }

    /** The ids acknowledged by a user, as seen by an application observing {@code EventAcknowledged}. */
    @GET
    @Path("acks")
    public jakarta.json.JsonArray acks(@QueryParam("user") String user) {
        return Json.createArrayBuilder(lifecycle.acknowledged(user)).build();
    }

    /** Publishes through a CDI event, as any bean of the application can. */
    @POST
    @Path("fire")
    public JsonObject fire(@QueryParam("user") String user, @QueryParam("event") String event,
                           @QueryParam("text") String text) throws Exception {
        notifications.fireAsync(new Notification(SseTarget.user(user), SseEvent.of(event, Map.of("text", text))))
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
        return Json.createObjectBuilder().add("fired", true).build();
    }

    /**
     * Broadcasts {@code count} events of about {@code bytes} bytes each through the Java API, to the
     * authenticated connections, or to every connection with {@code to=all}.
     */
    @POST
    @Path("flood")
    public JsonObject flood(@QueryParam("count") int count, @QueryParam("bytes") int bytes,
                            @QueryParam("from") int from, @QueryParam("to") String to) {
        String filler = "x".repeat(Math.max(0, bytes));
        int queued = 0;
        for (int i = 0; i < count; i++) {
            Map<String, Object> data = Map.of("n", from + i, "filler", filler);
            var receipt = "all".equals(to) ? service.notifyAll("flood", data) : service.broadcast("flood", data);
            queued += receipt.toCompletableFuture().join().queued();
        }
        return Json.createObjectBuilder().add("queued", queued).build();
    }

    /**
     * Sends a user {@code count} progress events of about {@code bytes} bytes through the Java API, each
     * superseding the one before on a lagging connection ({@code SendOptions.coalesce}).
     */
    @POST
    @Path("progress")
    public JsonObject progress(@QueryParam("user") String user, @QueryParam("count") int count,
                               @QueryParam("bytes") int bytes) {
        String filler = "x".repeat(Math.max(0, bytes));
        for (int i = 0; i < count; i++) {
            service.notifyUser(user, "progress", Map.of("n", i, "filler", filler),
                    dev.ssenotify.notify.entity.SendOptions.coalesce("upload-1")).toCompletableFuture().join();
        }
        return Json.createObjectBuilder().add("sent", count).build();
    }

    /** Heap in use after full collections, in bytes: what live objects hold, read through the JVM. */
    @GET
    @Path("heap")
    public JsonObject heap() {
        var memory = java.lang.management.ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 2; i++) {
            memory.gc();
        }
        return Json.createObjectBuilder().add("used", memory.getHeapMemoryUsage().getUsed()).build();
    }
}
