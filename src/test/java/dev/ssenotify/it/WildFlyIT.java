package dev.ssenotify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssenotify.it.servers.WildFly;
import dev.ssenotify.it.support.Api;
import dev.ssenotify.it.support.Deployments;
import dev.ssenotify.it.support.Json;
import dev.ssenotify.it.support.RawSseSocket;
import dev.ssenotify.it.support.RedisServer;
import dev.ssenotify.it.support.SseFrame;
import dev.ssenotify.it.support.SseStream;
import jakarta.json.JsonObject;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged WAR, unchanged, on WildFly configured by the recipe users get
 * ({@code deployment/wildfly/configure.cli}): the HTTP contract in brief, health and metrics on the
 * management port, a departing client that leaves no stack trace, and two instances sharing a Redis.
 */
class WildFlyIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    static WildFly server;
    static URL base;

    @BeforeAll
    static void start() throws MalformedURLException {
        server = WildFly.start("single", settings(Map.of(
                "sse.heartbeat.interval", "PT2S",
                "sse.max-clients-per-user", "2")));
        base = server.base().toURL();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aStreamStartsConnectedAndGetsItsUsersEventsOnly() {
        Api admin = Api.basic(base, "admin", "admin");
        try (SseStream alice = Api.basic(base, "alice", "alice").stream();
             SseStream bob = Api.basic(base, "bob", "bob").stream()) {
            assertEquals("sse.connected", alice.events().get(0).event());
            assertEquals("alice", Json.object(alice.events().get(0).data()).getString("userId"));
            send(admin, "{\"event\":\"for-alice\",\"data\":{\"n\":1},\"target\":\"user\",\"userId\":\"alice\"}");
            send(admin, "{\"event\":\"for-bob\",\"data\":2,\"target\":\"user\",\"userId\":\"bob\"}");
            assertEquals("{\"n\":1}", alice.awaitEvent("for-alice", WAIT).data());
            // Per-connection order: what was meant for bob before his own event has arrived by now.
            bob.awaitEvent("for-bob", WAIT);
            assertEquals(List.of("sse.connected", "for-bob"), names(bob));
        }
    }

    @Test
    void unauthenticatedAndForbiddenCallsGetProblems() {
        HttpResponse<String> anonymous = Api.anonymous(base).postJson("api/sse/ack", "{\"lastEventId\":\"x\"}");
        assertProblem(401, anonymous);
        HttpResponse<String> notAdmin = Api.basic(base, "carol", "carol")
                .send("{\"event\":\"shout\",\"data\":1,\"target\":\"broadcast\"}");
        assertProblem(403, notAdmin);
    }

    @Test
    void aUserPastTheLimitGets429() {
        Api dave = Api.basic(base, "dave", "dave");
        try (SseStream one = dave.stream(); SseStream two = dave.stream(); SseStream three = dave.tryStream()) {
            assertEquals(429, three.status());
            assertTrue(three.response().headers().firstValue("Retry-After").isPresent(), "no Retry-After");
            assertTrue(three.response().headers().firstValue("Content-Type").orElse("").contains("problem+json"));
            assertTrue(Json.object(three.errorBody()).getString("detail").contains("sse.max-clients-per-user"));
        }
    }

    @Test
    void aReconnectWithLastEventIdGetsWhatItMissed() {
        Api grace = Api.basic(base, "grace", "grace");
        String seen;
        try (SseStream first = grace.stream()) {
            send(grace, "{\"event\":\"before\",\"data\":0,\"target\":\"user\"}");
            seen = first.awaitEvent("before", WAIT).id();
        }
        send(grace, "{\"event\":\"missed\",\"data\":1,\"target\":\"user\"}");
        send(grace, "{\"event\":\"missed\",\"data\":2,\"target\":\"user\"}");
        try (SseStream again = grace.with("Last-Event-ID", seen).stream()) {
            again.await(f -> f.is("missed") && "2".equals(f.data()), WAIT, "the second missed event");
            assertEquals(List.of("sse.connected", "missed", "missed"), names(again));
            assertEquals("1", again.events("missed").get(0).data());
        }
    }

    @Test
    void heartbeatsArrive() {
        try (SseStream stream = Api.basic(base, "frank", "frank").stream()) {
            stream.await(f -> "heartbeat".equals(f.comment()), WAIT, "a heartbeat comment");
        }
    }

    /** A client that leaves is found by a heartbeat write (PT2S), and leaves no stack trace in the log. */
    @Test
    void aClientThatLeavesIsNoticedWithoutAStackTrace() throws Exception {
        Api anyone = Api.anonymous(base);
        // Streams that earlier tests closed are found gone by the heartbeat too: start from none.
        awaitTrue(() -> totalClients(anyone) == 0, "no stream left from earlier tests");
        long logBefore = Files.size(server.log());
        String clientId;
        try (RawSseSocket socket = RawSseSocket.open(server.base().resolve("api/sse"), Api.basicHeader("erin", "erin"), 0)) {
            clientId = socket.clientId();
            assertEquals(1, totalClients(anyone));
        }
        awaitTrue(() -> totalClients(anyone) == 0, "the departed client removed");
        awaitTrue(() -> logSince(logBefore).contains("SSE client disconnected: " + clientId), "its disconnect logged");
        String log = logSince(logBefore);
        assertFalse(log.lines().anyMatch(line -> line.startsWith("\tat ")), "a stack trace for a client that left:\n" + log);
        assertFalse(log.contains("UT005088"), log);
    }

    @Test
    void healthAndMetricsAnswerOnTheManagementPort() {
        send(Api.basic(base, "carol", "carol"), "{\"event\":\"timed\",\"data\":1,\"target\":\"user\"}");
        HttpResponse<String> live = get(server.health().resolve("live"));
        HttpResponse<String> ready = get(server.health().resolve("ready"));
        assertEquals(200, live.statusCode(), live.body());
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(live.body().contains("sse-heartbeat"), live.body());
        assertTrue(ready.body().contains("sse-streams"), ready.body());
        HttpResponse<String> metrics = get(server.metrics());
        assertEquals(200, metrics.statusCode());
        for (String name : List.of("sse_events_published_total", "sse_clients_connected", "sse_dispatch_seconds_count")) {
            assertTrue(metrics.body().lines().anyMatch(line -> line.startsWith(name)), "metrics lack " + name);
        }
    }

    /** Two more instances (started side by side) on a private Redis: one publish, one delivery elsewhere. */
    @Test
    void anEventPublishedOnOneInstanceReachesAStreamOnTheOtherOnce() throws Exception {
        try (RedisServer redis = RedisServer.start()) {
            Map<String, String> cluster = settings(Map.of("sse.cluster.redis.uri", redis.uri()));
            CompletableFuture<WildFly> starting = CompletableFuture.supplyAsync(() -> WildFly.start("cluster-1", cluster));
            try (WildFly two = WildFly.start("cluster-2", cluster)) {
                WildFly one = starting.get(4, TimeUnit.MINUTES);
                Api admin = Api.basic(one.base().toURL(), "admin", "admin");
                try (SseStream bob = Api.basic(two.base().toURL(), "bob", "bob").stream()) {
                    send(admin, "{\"event\":\"across\",\"data\":1,\"target\":\"user\",\"userId\":\"bob\"}");
                    send(admin, "{\"event\":\"after\",\"data\":2,\"target\":\"user\",\"userId\":\"bob\"}");
                    bob.awaitEvent("after", WAIT);
                    assertEquals(List.of("sse.connected", "across", "after"), names(bob));
                }
            } finally {
                // started (WildFly.start is bounded) even when the other one failed: stop it too
                try {
                    starting.get(4, TimeUnit.MINUTES).close();
                } catch (Exception failedToStart) {
                    // nothing to stop; the failure is reported by the try above
                }
            }
        }
    }

    private static Map<String, String> settings(Map<String, String> own) {
        Map<String, String> settings = new HashMap<>(Deployments.TEST_DEFAULTS);
        settings.put("sse.auth.users", Deployments.USERS);
        settings.putAll(own);
        return settings;
    }

    private static void send(Api caller, String json) {
        HttpResponse<String> response = caller.send(json);
        assertEquals(202, response.statusCode(), response.body());
    }

    private static void assertProblem(int status, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                response.headers().toString());
        JsonObject problem = Json.object(response.body());
        assertEquals(status, problem.getInt("status"), response.body());
        assertTrue(problem.containsKey("title") && problem.containsKey("detail"), response.body());
    }

    private static int totalClients(Api api) {
        return api.json("api/sse-test").getInt("totalClients");
    }

    private static String logSince(long offset) throws java.io.IOException {
        byte[] all = Files.readAllBytes(server.log());
        return new String(all, (int) offset, all.length - (int) offset, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> get(URI uri) {
        return Api.anonymous(base).send(HttpRequest.newBuilder(uri).GET());
    }

    private static List<String> names(SseStream stream) {
        return stream.events().stream().map(SseFrame::event).toList();
    }

    private static void awaitTrue(ThrowingCondition condition, String what) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + WAIT + ": " + what);
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    @FunctionalInterface
    private interface ThrowingCondition {
        boolean holds() throws Exception;
    }
}
