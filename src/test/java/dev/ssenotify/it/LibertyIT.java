package dev.ssenotify.it;

import static dev.ssenotify.it.StreamingIT.awaitTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssenotify.it.servers.Liberty;
import dev.ssenotify.it.support.Api;
import dev.ssenotify.it.support.Deployments;
import dev.ssenotify.it.support.Json;
import dev.ssenotify.it.support.RawSseSocket;
import dev.ssenotify.it.support.RedisServer;
import dev.ssenotify.it.support.SseFrame;
import dev.ssenotify.it.support.SseStream;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The HTTP contract on Open Liberty, with the WAR as packaged and the shipped {@code deployment/liberty}
 * recipe: one server for the class, plus two more sharing a private Redis for the cluster test.
 */
class LibertyIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static Liberty liberty;
    private static URL base;

    @BeforeAll
    static void start() {
        liberty = Liberty.start("single", settings(Map.of(
                "sse.heartbeat.interval", "PT2S",
                "sse.cleanup.interval", "PT2S",
                "sse.max-clients-per-user", "3")));
        base = url(liberty);
    }

    @AfterAll
    static void stop() {
        if (liberty != null) {
            liberty.close();
        }
    }

    @Test
    void aStreamStartsConnectedAndGetsOnlyItsUsersEvents() {
        try (SseStream alice = Api.basic(base, "alice", "alice").stream();
             SseStream bob = Api.basic(base, "bob", "bob").stream()) {
            assertEquals("sse.connected", alice.events().get(0).event(), "first frame");
            assertEquals("alice", Json.object(alice.events().get(0).data()).getString("userId"));
            send(Api.basic(base, "admin", "admin"), "{\"event\":\"for-alice\",\"data\":{\"n\":1},\"target\":\"user\",\"userId\":\"alice\"}");
            assertEquals("{\"n\":1}", alice.awaitEvent("for-alice", WAIT).data());
            // Bob's own event comes after alice's in the one ordered log: once he has it, hers would have come.
            send(Api.basic(base, "bob", "bob"), "{\"event\":\"for-bob\",\"data\":2,\"target\":\"user\"}");
            bob.awaitEvent("for-bob", WAIT);
            assertEquals(List.of("sse.connected", "for-bob"), names(bob));
        }
    }

    @Test
    void unauthenticatedIs401AndANonAdminBroadcastIs403WithProblemBodies() {
        String broadcast = "{\"event\":\"x\",\"data\":1,\"target\":\"broadcast\"}";
        assertProblem(Api.anonymous(base).send(broadcast), 401);
        assertProblem(Api.basic(base, "alice", "alice").send(broadcast), 403);
    }

    @Test
    void aUserPastItsLimitGets429() {
        List<SseStream> streams = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                streams.add(Api.basic(base, "carol", "carol").stream());
            }
            try (SseStream fourth = Api.basic(base, "carol", "carol").tryStream()) {
                assertEquals(429, fourth.status());
                assertTrue(fourth.response().headers().firstValue("Retry-After").isPresent(), "Retry-After");
                assertTrue(fourth.response().headers().firstValue("Content-Type").orElse("").contains("problem+json"));
                assertEquals(429, Json.object(fourth.errorBody()).getInt("status"));
            }
        } finally {
            streams.forEach(SseStream::close);
        }
    }

    @Test
    void aReconnectWithLastEventIdGetsWhatItMissedOnce() {
        Api dave = Api.basic(base, "dave", "dave");
        String lastSeen;
        try (SseStream first = dave.stream()) {
            send(dave, "{\"event\":\"seen\",\"data\":1,\"target\":\"user\"}");
            lastSeen = first.awaitEvent("seen", WAIT).id();
        }
        send(dave, "{\"event\":\"missed-1\",\"data\":2,\"target\":\"user\"}");
        send(dave, "{\"event\":\"missed-2\",\"data\":3,\"target\":\"user\"}");
        try (SseStream again = SseStream.connect(dave.uri("api/sse"),
                Map.of("Authorization", dave.header("Authorization"), "Last-Event-ID", lastSeen))) {
            again.awaitEvent("missed-2", WAIT);
            assertEquals(List.of("sse.connected", "missed-1", "missed-2"), names(again));
        }
    }

    @Test
    void aHeartbeatArrives() {
        try (SseStream stream = Api.anonymous(base).stream()) {
            stream.await(f -> f.isComment() && "heartbeat".equals(f.comment()), Duration.ofSeconds(8), "a heartbeat");
        }
    }

    /**
     * A client that goes is found by a heartbeat's failed write and closed; closing it must not log a stack
     * trace or an error (Liberty logged SRVE9009E here while the sink's close set a second WriteListener).
     */
    @Test
    void aClientThatLeavesIsNoticedQuietly() throws IOException {
        Api admin = Api.basic(base, "admin", "admin");
        // Streams the other tests closed are found the same way; once they are gone the count is erin's alone.
        awaitTrue(() -> totalClients(admin) == 0, "earlier tests' streams gone");
        long logBefore = Files.size(liberty.log());
        String clientId;
        try (RawSseSocket socket = RawSseSocket.open(admin.uri("api/sse"), Api.basicHeader("erin", "erin"), 0)) {
            clientId = socket.clientId();
            assertEquals(1, totalClients(admin), "erin's stream counted");
        }
        awaitTrue(() -> totalClients(admin) == 0, "erin's departed stream removed");
        // The lifecycle log line is written once the connection is closed; whatever its close logs comes with it.
        awaitTrue(() -> logSince(logBefore).contains("disconnected: " + clientId), "the disconnect logged");
        String log = logSince(logBefore);
        assertFalse(log.contains("SRVE9009E"), log);
        assertFalse(log.contains("\tat "), "a stack trace: " + log);
        assertFalse(log.contains(" E "), "an error: " + log);
    }

    @Test
    void healthAndMetricsAnswer() {
        Api anonymous = Api.anonymous(base);
        send(Api.basic(base, "alice", "alice"), "{\"event\":\"timed\",\"data\":1,\"target\":\"user\"}");
        assertEquals(200, anonymous.getRoot("/health/live").statusCode());
        assertEquals(200, anonymous.getRoot("/health/ready").statusCode());
        HttpResponse<String> metrics = anonymous.getRoot("/metrics");
        assertEquals(200, metrics.statusCode());
        for (String name : List.of("sse_events_published_total", "sse_clients_connected", "sse_dispatch_seconds_count")) {
            assertTrue(metrics.body().lines().anyMatch(l -> l.startsWith(name)), "metrics lack " + name);
        }
        // A publish takes well under ten seconds: any larger figure is in another unit.
        for (String line : metrics.body().lines().filter(l -> l.startsWith("sse_dispatch_seconds")).toList()) {
            if (!line.startsWith("sse_dispatch_seconds_count") && !line.startsWith("sse_dispatch_seconds_bucket")) {
                assertTrue(Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)) < 10, "not seconds: " + line);
            }
        }
    }

    @Test
    void anEventPublishedOnOneInstanceReachesTheUserOnAnotherExactlyOnce() throws Exception {
        try (RedisServer redis = RedisServer.start()) {
            Map<String, String> cluster = settings(Map.of(
                    "sse.cluster.redis.uri", redis.uri(),
                    "sse.cluster.key-prefix", "liberty-it",
                    "sse.heartbeat.interval", "PT2S"));
            CompletableFuture<Liberty> starting = CompletableFuture.supplyAsync(() -> Liberty.start("one", instance(cluster, "one")));
            Liberty two = null;
            try {
                two = Liberty.start("two", instance(cluster, "two"));
                Liberty one = starting.get(4, TimeUnit.MINUTES);
                try (SseStream grace = Api.basic(url(two), "grace", "grace").stream()) {
                    HttpResponse<String> receipt = Api.basic(url(one), "admin", "admin")
                            .send("{\"event\":\"across\",\"data\":7,\"target\":\"user\",\"userId\":\"grace\"}");
                    assertEquals(202, receipt.statusCode(), receipt.body());
                    String id = Json.field(receipt.body(), "eventId");
                    assertEquals(id, grace.awaitEvent("across", WAIT).id());
                    // A marker after it on the same log: once it is here, a second copy would have been too.
                    send(Api.basic(url(two), "grace", "grace"), "{\"event\":\"marker\",\"data\":0,\"target\":\"user\"}");
                    grace.awaitEvent("marker", WAIT);
                    assertEquals(List.of("sse.connected", "across", "marker"), names(grace));
                }
                // Liberty's stop waits up to 30 s for open requests before the app closes its streams: let a
                // heartbeat find grace gone first.
                Api admin = Api.basic(url(two), "admin", "admin");
                awaitTrue(() -> totalClients(admin) == 0, "grace's stream gone from two");
            } finally {
                // Both stop at once; one that is still starting (two failed first) is stopped once it is up.
                CompletableFuture<Void> stopping = starting.handle((one, failure) -> one)
                        .thenAcceptAsync(one -> {
                            if (one != null) {
                                one.close();
                            }
                        });
                if (two != null) {
                    two.close();
                }
                stopping.get(5, TimeUnit.MINUTES);
            }
        }
    }

    private static Map<String, String> instance(Map<String, String> cluster, String id) {
        Map<String, String> own = new LinkedHashMap<>(cluster);
        own.put("sse.cluster.instance-id", id);
        return own;
    }

    private static Map<String, String> settings(Map<String, String> own) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("sse.auth.users", Deployments.USERS);
        settings.putAll(Deployments.TEST_DEFAULTS);
        settings.putAll(own);
        return settings;
    }

    private static int totalClients(Api admin) {
        return admin.json("api/sse-test").getInt("totalClients");
    }

    private static String logSince(long offset) {
        try {
            byte[] all = Files.readAllBytes(liberty.log());
            return new String(all, (int) Math.min(offset, all.length), (int) Math.max(0, all.length - offset),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void send(Api api, String json) {
        HttpResponse<String> response = api.send(json);
        assertEquals(202, response.statusCode(), response.body());
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                "not a problem body: " + response.headers().map());
        JsonObject problem = Json.object(response.body());
        assertEquals(status, problem.getInt("status"));
        assertTrue(problem.containsKey("title"));
    }

    private static List<String> names(SseStream stream) {
        return stream.events().stream().map(SseFrame::event).toList();
    }

    private static URL url(Liberty server) {
        try {
            return server.base().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
