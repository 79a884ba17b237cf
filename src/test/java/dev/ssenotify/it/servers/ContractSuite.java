package dev.ssenotify.it.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssenotify.it.support.Api;
import dev.ssenotify.it.support.Deployments;
import dev.ssenotify.it.support.RedisServer;
import dev.ssenotify.it.support.SseFrame;
import dev.ssenotify.it.support.SseStream;
import dev.ssenotify.it.support.Tokens;
import dev.ssenotify.it.support.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The HTTP contract every server the WAR supports must keep, run against one {@link ServerUnderTest} per
 * subclass: streams and who gets what, auth errors as problems, the per-user limit, replay, heartbeats, a
 * departed client noticed without a stack trace in the server's log, health and metrics.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ContractSuite {

    protected static final Duration WAIT = Duration.ofSeconds(15);
    private static final String MUX_SECRET = "contract-secret";
    /** The identity provider every suite's servers trust. */
    protected static final Tokens TOKENS = new Tokens();

    /** The settings every suite's server starts with: the test defaults, small limits, quick heartbeats. */
    public static Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>(Deployments.TEST_DEFAULTS);
        settings.put("sse.auth.users", Deployments.USERS);
        settings.put("sse.max-clients-per-user", "3");
        settings.put("sse.heartbeat.interval", "PT2S");
        settings.put("sse.cleanup.interval", "PT2S");
        settings.put("mp.jwt.verify.publickey", TOKENS.jwks());
        settings.put("mp.jwt.verify.issuer", Tokens.ISSUER);
        settings.put("mp.jwt.verify.audiences", Tokens.AUDIENCE);
        settings.put("mp.jwt.token.cookie", "sse_token");
        settings.put("sse.webhooks.mux.secret", MUX_SECRET);
        settings.put("sse.uploads.step", "PT0.2S");
        return settings;
    }

    private ServerUnderTest server;

    /** Starts a server of this suite's kind and waits (bounded) until it is ready. */
    protected abstract ServerUnderTest start(String name, Map<String, String> settings);

    /** As {@link #start}, but returns once the server answers, ready or not. */
    protected abstract ServerUnderTest startAnswering(String name, Map<String, String> settings);

    /** What the suite's main server starts with; a runtime whose recipe is a settings file adds it. */
    protected Map<String, String> serverSettings() {
        return settings();
    }

    @BeforeAll
    void startServer() {
        server = start("contract", serverSettings());
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    /** The server the tests run against, one per class. */
    protected final ServerUnderTest server() {
        return server;
    }

    private URL base() {
        try {
            return server().base().toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Api as(String user) {
        return Api.basic(base(), user, user);
    }

    private static String toUser(String user, String event) {
        return "{\"event\":\"" + event + "\",\"data\":{\"n\":1},\"target\":\"user\",\"userId\":\"" + user + "\"}";
    }

    @org.junit.jupiter.api.Test
    void aStreamStartsWithConnectedAndGetsOnlyItsOwnUsersEvents() {
        try (SseStream alice = as("alice").stream(); SseStream bob = as("bob").stream()) {
            assertEquals("sse.connected", alice.events().get(0).event(), "the first event");
            assertAccepted(as("admin").send(toUser("alice", "for-alice")));
            assertAccepted(as("admin").send(toUser("bob", "for-bob")));
            alice.awaitEvent("for-alice", WAIT);
            bob.awaitEvent("for-bob", WAIT);
            assertTrue(alice.events("for-bob").isEmpty(), "alice never sees bob's event");
        }
    }

    @org.junit.jupiter.api.Test
    void authFailuresAreProblemsNotPages() {
        HttpResponse<String> anonymous = Api.anonymous(base()).send(toUser("alice", "x"));
        assertEquals(401, anonymous.statusCode(), anonymous.body());
        assertProblem(anonymous);
        HttpResponse<String> broadcast = as("bob").send("{\"event\":\"x\",\"data\":1,\"target\":\"all\"}");
        assertEquals(403, broadcast.statusCode(), broadcast.body());
        assertProblem(broadcast);
        HttpResponse<String> wrong = Api.basic(base(), "alice", "not-her-password").get("api/auth/me");
        assertEquals(401, wrong.statusCode(), wrong.body());
        assertProblem(wrong);
    }

    private static void assertAccepted(HttpResponse<String> response) {
        assertEquals(202, response.statusCode(), response.body());
    }

    private static void assertProblem(HttpResponse<String> response) {
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                response.headers().map().toString());
        assertTrue(response.body().contains("\"status\":" + response.statusCode()), response.body());
    }

    /**
     * Tokens are verified by the WAR itself, so every server takes the same ones and refuses the same ones, and
     * a wrong password is answered by the endpoint: no container stack trace for it.
     */
    @org.junit.jupiter.api.Test
    void tokensFromTheAppsProviderWorkTheSameHere() {
        long logBefore = size(server().log());
        Api bearer = Api.anonymous(base()).with("Authorization", "Bearer " + TOKENS.es256(Tokens.claims("jwt-kim")));
        Api publisher = Api.anonymous(base()).with("Authorization", "Bearer " + TOKENS.rs256("backend", "sse-publisher"));
        try (SseStream kim = bearer.stream();
             SseStream cookie = Api.anonymous(base()).with("Cookie", "sse_token=" + TOKENS.rs256("jwt-lee")).stream()) {
            assertEquals("jwt-kim", Json.object(kim.first("sse.connected").data()).getString("userId"));
            assertEquals("jwt-lee", Json.object(cookie.first("sse.connected").data()).getString("userId"));
            HttpResponse<String> batch = publisher.postJson("api/events",
                    "[" + toUser("jwt-kim", "batched") + ",{\"target\":\"nobody\"}]");
            assertEquals(202, batch.statusCode(), batch.body());
            assertTrue(batch.body().contains("\"status\":400"), batch.body());
            kim.awaitEvent("batched", WAIT);
        }
        HttpResponse<String> forged = Api.anonymous(base())
                .with("Authorization", "Bearer " + TOKENS.wrongKey(Tokens.claims("jwt-kim"))).get("api/auth/me");
        assertEquals(401, forged.statusCode(), forged.body());
        assertProblem(forged);
        assertEquals(403, bearer.postJson("api/events", toUser("jwt-kim", "x")).statusCode(), "not a publisher");
        HttpResponse<String> wrong = Api.basic(base(), "alice", "not-her-password").get("api/auth/me");
        assertEquals(401, wrong.statusCode());
        String since = logSince(logBefore);
        assertFalse(since.lines().anyMatch(line -> line.matches("\\s+at [\\w.$]+\\(.*")),
                "no stack trace for refused credentials:\n" + since);
    }

    /** A stream closes when its token expires, on every server (the maintenance timer is an EJB timer). */
    @org.junit.jupiter.api.Test
    void aStreamClosesWhenItsTokenExpires() {
        String shortLived = TOKENS.rs256(Tokens.claims("jwt-exp")
                .expirationTime(java.util.Date.from(java.time.Instant.now().plusSeconds(3))));
        try (SseStream stream = Api.anonymous(base()).with("Authorization", "Bearer " + shortLived).stream()) {
            stream.awaitEnd(WAIT);
        }
    }

    /** The integrations run the same everywhere: scheduled job steps, a signed webhook acted on once. */
    @org.junit.jupiter.api.Test
    void anUploadJobAndASignedWebhookWorkTheSameHere() {
        Api erin = as("erin");
        try (SseStream stream = erin.stream()) {
            HttpResponse<String> started = erin.postJson("api/uploads", "{\"fileName\":\"c.mp4\"}");
            assertEquals(202, started.statusCode(), started.body());
            stream.awaitEvent("upload-complete", WAIT);
            String id = java.util.UUID.randomUUID().toString();
            String body = "{\"type\":\"video.asset.ready\",\"id\":\"" + id + "\",\"data\":{\"id\":\"a-1\","
                    + "\"passthrough\":\"erin\",\"playback_ids\":[{\"id\":\"pb-1\"}]}}";
            long t = java.time.Instant.now().getEpochSecond();
            String signature = "t=" + t + ",v1=" + dev.ssenotify.webhook.control.MuxSignature.sign(MUX_SECRET, t,
                    body.getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 2; i++) {
                HttpResponse<String> answer = Api.anonymous(base()).send(HttpRequest.newBuilder(server().base()
                                .resolve("api/webhooks/mux")).header("Content-Type", "application/json")
                        .header("Mux-Signature", signature).POST(HttpRequest.BodyPublishers.ofString(body)));
                assertEquals(200, answer.statusCode(), answer.body());
            }
            stream.awaitEvent("video-ready", WAIT);
            assertAccepted(as("admin").send(toUser("erin", "fence")));
            stream.awaitEvent("fence", WAIT);
            assertEquals(1, stream.events("video-ready").size(), "once");
        }
    }

    @org.junit.jupiter.api.Test
    void aUserPastItsLimitGets429WithRetryAfter() {
        List<SseStream> open = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                open.add(as("carol").stream());
            }
            SseStream fourth = as("carol").tryStream();
            open.add(fourth);
            assertEquals(429, fourth.status(), fourth.errorBody());
            assertTrue(fourth.response().headers().firstValue("Retry-After").isPresent(), "Retry-After");
        } finally {
            open.forEach(SseStream::close);
        }
    }

    @org.junit.jupiter.api.Test
    void aStreamThatComesBackWithLastEventIdGetsWhatItMissed() {
        String lastId;
        try (SseStream dave = as("dave").stream()) {
            assertAccepted(as("admin").send(toUser("dave", "before")));
            lastId = dave.awaitEvent("before", WAIT).id();
        }
        assertAccepted(as("admin").send(toUser("dave", "missed-1")));
        assertAccepted(as("admin").send(toUser("dave", "missed-2")));
        Map<String, String> headers = Map.of("Authorization", Api.basicHeader("dave", "dave"), "Last-Event-ID", lastId);
        try (SseStream back = SseStream.connect(Api.toUri(base()).resolve("api/sse"), headers)) {
            back.awaitEvent("missed-1", WAIT);
            back.awaitEvent("missed-2", WAIT);
            assertTrue(back.events("before").isEmpty(), "nothing twice");
        }
    }

    @org.junit.jupiter.api.Test
    void heartbeatsKeepAQuietStreamAlive() {
        try (SseStream erin = as("erin").stream()) {
            SseFrame beat = erin.await(SseFrame::isComment, WAIT, "a heartbeat comment");
            assertTrue(beat.comment().contains("heartbeat"), beat.toString());
        }
    }

    /** A client gone is noticed by the next write and is an ordinary event: no stack trace in the log. */
    @org.junit.jupiter.api.Test
    void aClientThatVanishesIsNoticedQuietly() throws Exception {
        long logBefore = Files.size(server().log());
        int before = clients();
        try (Socket socket = new Socket(server().base().getHost(), server().base().getPort())) {
            String request = "GET /api/sse HTTP/1.1\r\nHost: " + server().base().getAuthority()
                    + "\r\nAuthorization: " + Api.basicHeader("frank", "frank") + "\r\nAccept: text/event-stream\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            await(() -> clients() == before + 1, "the raw stream counted");
            socket.setSoLinger(true, 0);
        }
        for (int i = 0; i < 3 && clients() > before; i++) {
            as("admin").send(toUser("frank", "into-the-void-" + i));
        }
        await(() -> clients() == before, "the departed client noticed");
        // The container's own lines about the close come with or before the app's line saying it left.
        await(() -> logSince(logBefore).contains("user=frank reason="), "the departure logged");
        String since = logSince(logBefore);
        assertFalse(since.lines().anyMatch(line -> line.matches("\\s+at [\\w.$]+\\(.*")),
                "no stack trace for a client leaving:\n" + since);
        // Nor an error line, in any server's format: Payara's SEVERE, WildFly's ERROR, Liberty's E codes.
        assertFalse(since.lines().anyMatch(line -> line.contains("SEVERE") || line.contains(" ERROR ")
                        || line.matches(".*\\bE [A-Z]{4,5}\\d{4}E\\b.*")),
                "no error logged for a client leaving:\n" + since);
    }

    /**
     * A body that arrives after its headers is read without a thread and the request dispatched again:
     * the caller's identity and roles must survive that (Payara 7 lost the roles there).
     */
    @org.junit.jupiter.api.Test
    void aBodyThatArrivesLateIsReadAndItsCallerKeepsItsRoles() throws Exception {
        try (SseStream grace = as("grace").stream();
             Socket socket = new Socket(server().base().getHost(), server().base().getPort())) {
            byte[] body = toUser("grace", "late-body").getBytes(StandardCharsets.UTF_8);
            String head = "POST /api/sse-test HTTP/1.1\r\nHost: " + server().base().getAuthority()
                    + "\r\nAuthorization: " + Api.basicHeader("admin", "admin")
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n";
            socket.setSoTimeout((int) WAIT.toMillis());
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            // The point of the test: the body is not there when the request reaches the application.
            Thread.sleep(300);
            socket.getOutputStream().write(body);
            socket.getOutputStream().flush();
            String status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertEquals("HTTP/1.1 202", status, "an admin's late body to another user");
            grace.awaitEvent("late-body", WAIT);
        }
    }

    /** Two more instances on a private Redis: an event published on one reaches a stream on the other once. */
    @org.junit.jupiter.api.Test
    void anEventPublishedOnOneInstanceReachesAStreamOnAnotherOnce() throws Exception {
        try (RedisServer redis = RedisServer.start()) {
            Map<String, String> cluster = settings();
            cluster.put("sse.cluster.redis.uri", redis.uri());
            CompletableFuture<ServerUnderTest> first = CompletableFuture.supplyAsync(() -> start("cluster-1", cluster));
            try (ServerUnderTest two = start("cluster-2", cluster)) {
                ServerUnderTest one = first.get(4, TimeUnit.MINUTES);
                Api admin = Api.basic(one.base().toURL(), "admin", "admin");
                try (SseStream bob = Api.basic(two.base().toURL(), "bob", "bob").stream()) {
                    assertEquals(202, admin.send(toUser("bob", "across")).statusCode());
                    assertEquals(202, admin.send(toUser("bob", "after")).statusCode());
                    bob.awaitEvent("after", WAIT);
                    assertEquals(List.of("sse.connected", "across", "after"),
                            bob.events().stream().map(SseFrame::event).toList(), "each once, in order");
                }
                // Stopped with no stream open: Liberty's stop would wait 30 s for one before the app closes it.
                Api adminTwo = Api.basic(two.base().toURL(), "admin", "admin");
                await(() -> adminTwo.json("api/sse-test").getInt("totalClients") == 0, "bob's departed stream removed");
            } finally {
                // Started (each start is bounded) even when the other failed: stop it too.
                first.handle((one, failed) -> {
                    if (one != null) {
                        one.close();
                    }
                    return null;
                }).get(5, TimeUnit.MINUTES);
            }
        }
    }

    /**
     * Connecting to Redis never holds up the application's start (on Open Liberty it deadlocked there), and
     * an instance is not ready until it has connected and read the shared streams.
     */
    @org.junit.jupiter.api.Test
    void anInstanceStartedBeforeItsRedisIsNotReadyUntilRedisComes() throws Exception {
        try (RedisServer late = RedisServer.reserve()) {
            Map<String, String> cluster = settings();
            cluster.put("sse.cluster.redis.uri", late.uri());
            try (ServerUnderTest early = startAnswering("before-redis", cluster)) {
                assertEquals(503, status(early.health().resolve("ready")), "not ready without Redis");
                assertEquals(200, status(early.health().resolve("live")), "alive all along");
                late.startProcess();
                await(() -> status(early.health().resolve("ready")) == 200, "ready once Redis is there");
                try (SseStream grace = Api.basic(early.base().toURL(), "grace", "grace").stream()) {
                    assertEquals(202, Api.basic(early.base().toURL(), "admin", "admin")
                            .send(toUser("grace", "late-start")).statusCode());
                    grace.awaitEvent("late-start", WAIT);
                }
                Api admin = Api.basic(early.base().toURL(), "admin", "admin");
                await(() -> admin.json("api/sse-test").getInt("totalClients") == 0, "grace's departed stream removed");
            }
        }
    }

    private static int status(java.net.URI uri) {
        return Servers.status(uri);
    }

    private static long size(java.nio.file.Path log) {
        try {
            return Files.size(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String logSince(long offset) {
        try {
            String logged = new String(Files.readAllBytes(server().log()), StandardCharsets.UTF_8);
            return logged.substring((int) Math.min(offset, logged.length()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int clients() {
        return as("admin").json("api/sse-test").getInt("totalClients");
    }

    @org.junit.jupiter.api.Test
    void healthAndMetricsAnswerWhereTheServerServesThem() throws Exception {
        as("admin").send(toUser("grace", "timed"));
        HttpClient client = HttpClient.newHttpClient();
        for (String check : List.of("live", "ready")) {
            HttpResponse<String> health = client.send(HttpRequest.newBuilder(server().health().resolve(check)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode(), check + ": " + health.body());
        }
        String metrics = client.send(HttpRequest.newBuilder(server().metrics()).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        for (String name : List.of("sse_events_published_total", "sse_clients_connected", "sse_dispatch_seconds_count")) {
            assertTrue(metrics.contains(name), name + " missing from " + server().metrics());
        }
        for (String line : metrics.lines().filter(l -> l.startsWith("sse_dispatch_seconds")
                && !l.startsWith("sse_dispatch_seconds_count") && !l.startsWith("sse_dispatch_seconds_bucket")).toList()) {
            assertTrue(Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)) < 10, "not seconds: " + line);
        }
    }

    /** Polls the condition until it holds, failing after {@link #WAIT}; the servers' own pause between looks. */
    protected static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Servers.pause();
        }
    }
}
