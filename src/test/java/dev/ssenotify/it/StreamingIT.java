package dev.ssenotify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssenotify.it.support.Api;
import dev.ssenotify.it.support.Deployments;
import dev.ssenotify.it.support.Json;
import dev.ssenotify.it.support.RawSseSocket;
import dev.ssenotify.it.support.SseFrame;
import dev.ssenotify.it.support.SseStream;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.sse.InboundSseEvent;
import jakarta.ws.rs.sse.SseEventSource;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Streams on a real Payara Micro with real clients: the connected event, every target kind reaching exactly
 * its connections, heartbeats, limits, departed and slow clients, CDI publishing, metrics and health.
 */
@ExtendWith(ArquillianExtension.class)
class StreamingIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war(Map.of(
                "sse.heartbeat.interval", "PT1S",
                "sse.cleanup.interval", "PT2S",
                "sse.reconnect.retry", "PT3S",
                "sse.client.queue-size", "32"));
    }

    @ArquillianResource
    URL base;

    Api admin;

    @BeforeEach
    void setUp() {
        admin = Api.basic(base, "admin", "admin");
    }

    @Test
    void streamStartsWithRetryAndConnectedEventAndTheRightHeaders() {
        try (SseStream stream = Api.basic(base, "alice", "alice").stream()) {
            HttpResponse<?> response = stream.response();
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
            assertEquals("no-cache, no-store", response.headers().firstValue("Cache-Control").orElse(null));
            assertEquals("no", response.headers().firstValue("X-Accel-Buffering").orElse(null));
            SseFrame connected = stream.events().get(0);
            assertEquals("sse.connected", connected.event());
            assertEquals(3000L, connected.retry());
            JsonObject data = Json.object(connected.data());
            assertEquals("alice", data.getString("userId"));
            assertTrue(data.isNull("sessionId"));
            assertEquals(1, data.getInt("heartbeatSeconds"));
            assertTrue(data.getString("clientId").length() >= 20, "client ids must be unguessable");
        }
    }

    @Test
    void anonymousStreamHasNoUser() {
        try (SseStream stream = Api.anonymous(base).stream()) {
            JsonObject data = Json.object(stream.first("sse.connected").data());
            assertTrue(data.isNull("userId"));
            assertTrue(data.isNull("sessionId"));
        }
    }

    @Test
    void heartbeatCommentsArriveAndAreObservable() {
        try (SseStream stream = Api.basic(base, "alice", "alice").stream()) {
            stream.await(f -> "heartbeat".equals(f.comment()), WAIT, "a heartbeat comment");
            String clientId = stream.clientId();
            awaitTrue(() -> support("client?id=" + clientId).getInt("heartbeatEvents") > 0, "HeartbeatSent observed");
            assertTrue(support("client?id=" + clientId).getBoolean("connectedEvent"), "ClientConnected observed");
        }
    }

    @Test
    void eachTargetReachesExactlyItsConnections() {
        Api aliceBrowser = Api.browser(base);
        assertEquals(200, aliceBrowser.postJson("api/auth/login", "{\"username\":\"alice\",\"password\":\"alice\"}").statusCode());
        try (SseStream alice1 = aliceBrowser.stream();
             SseStream alice2 = Api.basic(base, "alice", "alice").stream();
             SseStream bob = Api.basic(base, "bob", "bob").stream();
             SseStream anonymous = Api.anonymous(base).stream()) {
            String aliceSession = Json.field(alice1.first("sse.connected").data(), "sessionId");
            assertNotNull(aliceSession, "a logged-in browser has a session id");
            assertNull(Json.field(alice2.first("sse.connected").data(), "sessionId"));

            // alice's streams from other tests may linger until a heartbeat finds them gone: no exact count here
            send(admin, "{\"event\":\"to-user\",\"data\":{\"n\":1},\"target\":\"user\",\"userId\":\"alice\"}", -1);
            send(admin, "{\"event\":\"to-session\",\"data\":2,\"target\":\"session\",\"sessionId\":\"" + aliceSession + "\"}", 1);
            send(admin, "{\"event\":\"to-client\",\"data\":3,\"target\":\"client\",\"clientId\":\"" + bob.clientId() + "\"}", 1);
            send(admin, "{\"event\":\"to-broadcast\",\"data\":4,\"target\":\"broadcast\"}", -1);
            send(admin, "{\"event\":\"to-all\",\"data\":\"end\",\"target\":\"all\"}", -1);

            // Each stream ends with to-all; per-connection order means everything meant for it came before.
            for (SseStream s : List.of(alice1, alice2, bob, anonymous)) {
                s.awaitEvent("to-all", WAIT);
            }
            assertEquals(List.of("sse.connected", "to-user", "to-session", "to-broadcast", "to-all"), names(alice1));
            assertEquals(List.of("sse.connected", "to-user", "to-broadcast", "to-all"), names(alice2));
            assertEquals(List.of("sse.connected", "to-client", "to-broadcast", "to-all"), names(bob));
            assertEquals(List.of("sse.connected", "to-all"), names(anonymous));
            assertEquals("{\"n\":1}", alice1.events("to-user").get(0).data());
            assertEquals("\"end\"", anonymous.events("to-all").get(0).data());
        }
    }

    @Test
    void wireIdsAreLogIdsAndAPublisherIdIsAnIdempotencyKey() {
        try (SseStream stream = Api.basic(base, "carol", "carol").stream()) {
            Api carol = Api.basic(base, "carol", "carol");
            HttpResponse<String> first = carol.send("{\"event\":\"e\",\"data\":1,\"target\":\"user\",\"id\":\"order-42\",\"retry\":7000}");
            assertEquals(202, first.statusCode(), first.body());
            JsonObject receipt = Json.object(first.body());
            assertFalse(receipt.getBoolean("duplicate"));
            String logId = receipt.getString("eventId");
            assertFalse(logId.equals("order-42"), "the wire id is the log's, not the publisher's");
            HttpResponse<String> again = carol.send("{\"event\":\"e\",\"data\":1,\"target\":\"user\",\"id\":\"order-42\"}");
            JsonObject duplicate = Json.object(again.body());
            assertTrue(duplicate.getBoolean("duplicate"), again.body());
            assertEquals(logId, duplicate.getString("eventId"));
            assertEquals(0, duplicate.getInt("queued"));
            HttpResponse<String> other = carol.send("{\"event\":\"e\",\"data\":2,\"target\":\"user\"}");
            String otherId = Json.object(other.body()).getString("eventId");

            SseFrame one = stream.awaitEvent("e", WAIT);
            SseFrame two = stream.awaitEvent("e", WAIT);
            assertEquals(logId, one.id());
            assertEquals(7000L, one.retry());
            assertEquals(otherId, two.id(), "the duplicate must not be delivered");
        }
    }

    @Test
    void jerseySseEventSourceReceivesEvents() throws Exception {
        Client client = ClientBuilder.newClient();
        client.register((jakarta.ws.rs.client.ClientRequestFilter) request ->
                request.getHeaders().putSingle("Authorization", Api.basicHeader("grace", "grace")));
        BlockingQueue<InboundSseEvent> received = new LinkedBlockingQueue<>();
        try (SseEventSource source = SseEventSource.target(client.target(Api.toUri(base).resolve("api/sse"))).build()) {
            source.register(received::add);
            source.open();
            InboundSseEvent connected = received.poll(10, TimeUnit.SECONDS);
            assertNotNull(connected, "no sse.connected");
            assertEquals("sse.connected", connected.getName());
            send(Api.basic(base, "grace", "grace"), "{\"event\":\"hello\",\"data\":{\"to\":\"grace\"},\"target\":\"user\"}", 1);
            // Jersey hands heartbeat comments over as unnamed events: skip them.
            InboundSseEvent hello;
            do {
                hello = received.poll(10, TimeUnit.SECONDS);
                assertNotNull(hello, "no hello event");
            } while (hello.getName() == null);
            assertEquals("hello", hello.getName());
            assertEquals("{\"to\":\"grace\"}", hello.readData());
        } finally {
            client.close();
        }
    }

    @Test
    void sixthConnectionOfAUserGets429AndTheFirstFiveKeepWorking() {
        Api dave = Api.basic(base, "dave", "dave");
        List<SseStream> streams = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                streams.add(dave.stream());
            }
            try (SseStream sixth = dave.tryStream()) {
                assertEquals(429, sixth.status());
                assertTrue(sixth.response().headers().firstValue("Content-Type").orElse("").contains("problem+json"));
                assertTrue(Json.object(sixth.errorBody()).getString("detail").contains("sse.max-clients-per-user"));
            }
            send(dave, "{\"event\":\"still-here\",\"data\":1,\"target\":\"user\"}", 5);
            for (SseStream s : streams) {
                s.awaitEvent("still-here", WAIT);
            }
            assertTrue(stats().getJsonObject("rejectedConnections").getInt("user-limit") >= 1);
        } finally {
            streams.forEach(SseStream::close);
        }
    }

    @Test
    void aClientThatLeavesIsGoneWithinTheCleanupInterval() throws Exception {
        String clientId;
        try (RawSseSocket socket = RawSseSocket.open(admin.uri("api/sse"), Api.basicHeader("erin", "erin"), 0)) {
            clientId = socket.clientId();
            assertTrue(support("client?id=" + clientId).getBoolean("registered"));
        }
        // No event is sent to it: only heartbeats and the cleanup sweep may find out.
        awaitTrue(() -> !support("client?id=" + clientId).getBoolean("registered"), "departed client removed");
        String reason = support("client?id=" + clientId).getString("disconnectReason", null);
        assertNotNull(reason, "ClientDisconnected must be observed");
    }

    @Test
    void aClientThatStopsReadingIsDisconnectedWhileOthersKeepReceiving() throws Exception {
        long slowBefore = stats().getJsonObject("disconnects").getJsonNumber("slow-consumer").longValue();
        try (RawSseSocket stalled = RawSseSocket.open(admin.uri("api/sse"), Api.basicHeader("frank", "frank"), 4096);
             SseStream reader = Api.basic(base, "frank", "frank").stream()) {
            String stalledId = stalled.clientId();
            int sent = 0;
            // Paced by the healthy reader so that only the stalled client falls behind.
            while (support("client?id=" + stalledId).getBoolean("registered") && sent < 4000) {
                HttpResponse<String> flood = admin.post("api/test-support/flood?count=10&bytes=48000&from=" + sent, "application/json", "");
                assertEquals(200, flood.statusCode(), flood.body());
                sent += 10;
                int expected = sent;
                reader.await(f -> f.is("flood") && Json.object(f.data()).getInt("n") == expected - 1, WAIT, "flood " + (expected - 1));
            }
            assertFalse(support("client?id=" + stalledId).getBoolean("registered"), "the stalled client was never dropped");
            assertEquals("slow-consumer", support("client?id=" + stalledId).getString("disconnectReason", null));
            assertEquals(sent, reader.events("flood").size(), "the healthy reader missed events");
            send(admin, "{\"event\":\"after\",\"data\":1,\"target\":\"user\",\"userId\":\"frank\"}", 1);
            reader.awaitEvent("after", WAIT);
            assertTrue(stats().getJsonObject("disconnects").getJsonNumber("slow-consumer").longValue() > slowBefore);
        }
    }

    @Test
    void aStreamTheServerClosesEndsItsResponseCleanlyAndItsConnectionServesTheNextRequest() throws Exception {
        try (RawSseSocket socket = RawSseSocket.open(admin.uri("api/sse"), Api.basicHeader("grace", "grace"), 0)) {
            String clientId = socket.clientId();
            for (String name : List.of("first", "second", "third")) {
                send(admin, "{\"event\":\"" + name + "\",\"data\":{\"n\":\"" + name + "\"},\"target\":\"client\",\"clientId\":\"" + clientId + "\"}", 1);
            }
            HttpResponse<String> drop = admin.post("api/test-support/drop?target=client&id=" + clientId, "application/json", "");
            assertEquals(200, drop.statusCode(), drop.body());
            // Frames after the first are written beneath the JAX-RS sink; the sink must still end the response.
            String rest = socket.readToEndOfResponse();
            int first = rest.indexOf("event: first\nid: ");
            int second = rest.indexOf("event: second\nid: ");
            int third = rest.indexOf("event: third\nid: ");
            assertTrue(first >= 0 && first < second && second < third, rest);
            assertTrue(rest.contains("data: {\"n\":\"third\"}\n\n"), rest);
            assertEquals("HTTP/1.1 200 OK", socket.get("/health/live"), "the connection was left unusable");
        }
    }

    @Test
    void aBeanFiringANotificationReachesTheClient() {
        try (SseStream stream = Api.basic(base, "bob", "bob").stream()) {
            HttpResponse<String> fired = admin.post("api/test-support/fire?user=bob&event=from-cdi&text=hi", "application/json", "");
            assertEquals(200, fired.statusCode(), fired.body());
            SseFrame event = stream.awaitEvent("from-cdi", WAIT);
            assertEquals("hi", Json.object(event.data()).getString("text"));
        }
    }

    @Test
    void statsCountConnectionsAndDeliveries() {
        try (SseStream a = Api.basic(base, "carol", "carol").stream(); SseStream anon = Api.anonymous(base).stream()) {
            JsonObject stats = stats();
            for (String key : List.of("totalClients", "authenticatedClients", "anonymousClients", "uniqueUsers",
                    "uniqueSessions", "eventsSent", "eventsDropped", "eventsFailed", "heartbeatsSent", "uptimeSeconds")) {
                assertTrue(stats.containsKey(key), "stats lack " + key);
            }
            assertTrue(stats.getInt("authenticatedClients") >= 1);
            assertTrue(stats.getInt("anonymousClients") >= 1);
            assertEquals(stats.getInt("totalClients"), stats.getInt("authenticatedClients") + stats.getInt("anonymousClients"));
            long sentBefore = stats.getJsonNumber("eventsSent").longValue();
            send(Api.basic(base, "carol", "carol"), "{\"event\":\"count-me\",\"data\":1,\"target\":\"user\"}", -1);
            a.awaitEvent("count-me", WAIT);
            awaitTrue(() -> stats().getJsonNumber("eventsSent").longValue() > sentBefore, "eventsSent counted");
        }
    }

    @Test
    void metricsAndHealthAnswer() {
        try (SseStream stream = Api.anonymous(base).stream()) {
            send(Api.basic(base, "carol", "carol"), "{\"event\":\"timed\",\"data\":1,\"target\":\"user\"}", -1);
            HttpResponse<String> metrics = admin.getRoot("/metrics?scope=application");
            assertDispatchTimedInSeconds(metrics.body());
            assertEquals(200, metrics.statusCode());
            for (String name : List.of("sse_clients_connected", "sse_connections_opened_total", "sse_connections_closed_total",
                    "sse_connections_rejected_total", "sse_events_sent_total", "sse_events_dropped_total",
                    "sse_events_failed_total", "sse_heartbeats_sent_total", "sse_dispatch_seconds")) {
                assertTrue(metrics.body().contains(name), "metrics lack " + name);
            }
            assertFalse(metrics.body().contains("alice"), "no metric may name a user");
            HttpResponse<String> live = admin.getRoot("/health/live");
            HttpResponse<String> ready = admin.getRoot("/health/ready");
            assertEquals(200, live.statusCode(), live.body());
            assertEquals(200, ready.statusCode(), ready.body());
            assertTrue(ready.body().contains("sse-streams"), ready.body());
            assertTrue(live.body().contains("sse-heartbeat"), live.body());
        }
    }

    /**
     * {@code sse_dispatch_seconds} holds seconds in every line (a publish takes well under ten): Payara
     * exported a timer's quantiles in nanoseconds under that name.
     */
    private static void assertDispatchTimedInSeconds(String metrics) {
        List<String> lines = metrics.lines().filter(l -> l.startsWith("sse_dispatch_seconds")).toList();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("sse_dispatch_seconds_count")), metrics);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("sse_dispatch_seconds_bucket")), "latency buckets: " + lines);
        for (String line : lines) {
            if (line.startsWith("sse_dispatch_seconds_count") || line.startsWith("sse_dispatch_seconds_bucket")) {
                continue;
            }
            double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            assertTrue(value < 10, "not seconds: " + line);
        }
    }

    private JsonObject stats() {
        return admin.json("api/sse-test");
    }

    private JsonObject support(String path) {
        return admin.json("api/test-support/" + path);
    }

    /** Sends and checks the receipt; {@code expectedQueued} below 0 means any number. */
    static void send(Api api, String json, int expectedQueued) {
        HttpResponse<String> response = api.send(json);
        assertEquals(202, response.statusCode(), response.body());
        if (expectedQueued >= 0) {
            assertEquals(expectedQueued, Json.object(response.body()).getInt("queued"), response.body());
        }
    }

    private static List<String> names(SseStream stream) {
        return stream.events().stream().map(SseFrame::event).toList();
    }

    static void awaitTrue(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                TimeUnit.MILLISECONDS.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
