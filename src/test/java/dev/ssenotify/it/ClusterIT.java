package dev.ssenotify.it;

import dev.ssenotify.it.support.Api;
import dev.ssenotify.it.support.Deployments;
import dev.ssenotify.it.support.Json;
import dev.ssenotify.it.support.PayaraInstance;
import dev.ssenotify.it.support.RedisServer;
import dev.ssenotify.it.support.SseFrame;
import dev.ssenotify.it.support.SseStream;
import static dev.ssenotify.it.StreamingIT.awaitTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two Payara Micro instances sharing one Redis (a private redis-server, so that it can be stopped): events
 * cross instances exactly once, the per-user limit holds cluster-wide, an outage is visible and survived,
 * and clients of an instance killed with SIGKILL lose nothing on the other.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static RedisServer redis;
    private static PayaraInstance a;
    private static PayaraInstance b;
    private static final Map<String, String> clusterSettings = new LinkedHashMap<>();

    @BeforeAll
    static void startCluster() throws Exception {
        redis = RedisServer.start();
        Map<String, String> settings = clusterSettings;
        settings.put("sse.auth.users", Deployments.USERS);
        settings.putAll(Deployments.TEST_DEFAULTS);
        settings.put("sse.cluster.redis.uri", redis.uri());
        settings.put("sse.cluster.key-prefix", "cluster-it");
        settings.put("sse.cluster.lease", "PT10S");
        settings.put("sse.heartbeat.interval", "PT2S");
        settings.put("sse.reconnect.retry", "PT4S");
        settings.put("sse.topics.public", "news/**");
        CompletableFuture<PayaraInstance> first = CompletableFuture.supplyAsync(() -> start("a", settings));
        b = start("b", settings);
        a = first.get(5, TimeUnit.MINUTES);
        // Started is not ready: ready is connected to Redis, caught up with it and seen by the other.
        for (PayaraInstance instance : new PayaraInstance[]{a, b}) {
            awaitTrue(() -> Api.anonymous(instance.base()).getRoot("/health/ready").statusCode() == 200, "ready");
        }
    }

    private static PayaraInstance start(String name, Map<String, String> settings) {
        try {
            Map<String, String> own = new LinkedHashMap<>(settings);
            own.put("sse.cluster.instance-id", name);
            return PayaraInstance.start(name, own, Duration.ofMinutes(3));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stopCluster() {
        for (AutoCloseable closeable : new AutoCloseable[]{a, b, redis}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                // the next one must still stop
            }
        }
    }

    @Test
    @Order(1)
    void everyTargetKindCrossesInstancesExactlyOnce() {
        Api aliceBrowser = Api.browser(a.base());
        assertEquals(200, aliceBrowser.postJson("api/auth/login", "{\"username\":\"alice\",\"password\":\"alice\"}").statusCode());
        try (SseStream aliceOnA = aliceBrowser.stream();
             SseStream aliceOnB = Api.basic(b.base(), "alice", "alice").stream();
             SseStream bobOnB = Api.basic(b.base(), "bob", "bob").stream();
             SseStream anonymousOnA = Api.anonymous(a.base()).stream()) {
            String session = Json.field(aliceOnA.first("sse.connected").data(), "sessionId");
            Api adminA = Api.basic(a.base(), "admin", "admin");
            Api adminB = Api.basic(b.base(), "admin", "admin");
            send(adminB, "{\"event\":\"to-user\",\"data\":1,\"target\":\"user\",\"userId\":\"alice\"}");
            send(adminB, "{\"event\":\"to-session\",\"data\":2,\"target\":\"session\",\"sessionId\":\"" + session + "\"}");
            send(adminA, "{\"event\":\"to-client\",\"data\":3,\"target\":\"client\",\"clientId\":\"" + bobOnB.clientId() + "\"}");
            send(adminA, "{\"event\":\"to-broadcast\",\"data\":4,\"target\":\"broadcast\"}");
            send(adminB, "{\"event\":\"to-all\",\"data\":5,\"target\":\"all\"}");
            for (SseStream s : List.of(aliceOnA, aliceOnB, bobOnB, anonymousOnA)) {
                s.awaitEvent("to-all", WAIT);
            }
            assertEquals(List.of("sse.connected", "to-user", "to-session", "to-broadcast", "to-all"), names(aliceOnA));
            assertEquals(List.of("sse.connected", "to-user", "to-broadcast", "to-all"), names(aliceOnB));
            assertEquals(List.of("sse.connected", "to-client", "to-broadcast", "to-all"), names(bobOnB));
            assertEquals(List.of("sse.connected", "to-all"), names(anonymousOnA));
            String idOnA = aliceOnA.events("to-all").get(0).id();
            assertEquals(idOnA, anonymousOnA.events("to-all").get(0).id(), "one id for one event everywhere");
        }
    }

    @Test
    @Order(1)
    void aTopicEventReachesItsSubscribersOnEveryInstanceOnce() {
        try (SseStream onB = Api.anonymous(b.base()).stream("?topic=news/*");
             SseStream onA = Api.anonymous(a.base()).stream("?topic=news/**");
             SseStream elsewhere = Api.anonymous(b.base()).stream("?topic=news/us")) {
            send(Api.basic(a.base(), "admin", "admin"),
                    "{\"event\":\"headline\",\"data\":1,\"target\":\"topic\",\"topic\":\"news/eu\"}");
            send(Api.basic(b.base(), "admin", "admin"), "{\"event\":\"topic-fence\",\"data\":2,\"target\":\"all\"}");
            for (SseStream s : List.of(onA, onB, elsewhere)) {
                s.awaitEvent("topic-fence", WAIT);
            }
            assertEquals(List.of("sse.connected", "headline", "topic-fence"), names(onB), "across instances once");
            assertEquals(List.of("sse.connected", "headline", "topic-fence"), names(onA), "on the publishing one once");
            assertEquals(List.of("sse.connected", "topic-fence"), names(elsewhere));
            assertEquals(onA.events("headline").get(0).id(), onB.events("headline").get(0).id());
        }
    }

    @Test
    @Order(2)
    void theUserLimitHoldsAcrossInstances() {
        List<SseStream> streams = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                streams.add(Api.basic(a.base(), "dave", "dave").stream());
            }
            Map<String, String> dave = Map.of("Authorization", Api.basicHeader("dave", "dave"));
            streams.add(SseStream.connect(Api.toUri(a.base()).resolve("api/sse?clientKey=tab-9"), dave));
            try (SseStream sixth = Api.basic(b.base(), "dave", "dave").tryStream()) {
                assertEquals(429, sixth.status(), "5 on A + 1 on B");
            }
            // The tab with key tab-9 comes back on B (no sticky sessions): it takes its own place, not a sixth.
            SseStream moved = SseStream.open(Api.toUri(b.base()).resolve("api/sse?clientKey=tab-9"), dave);
            streams.add(moved);
            assertEquals(200, moved.status(), "a keyed stream replaces its own lease on another instance");
        } finally {
            streams.forEach(SseStream::close);
        }
        // Each instance publishes its stats on a timer: the view of the others is a second or so behind.
        awaitTrue(() -> Json.object(Api.anonymous(b.base()).get("api/sse-test").body())
                .getJsonObject("cluster").getInt("instanceCount") == 2, "both instances in B's view");
    }

    @Test
    @Order(2)
    void aRateLimitIsOneBucketSharedByEveryInstance() {
        // sse.auth.login-rate.account is 5 per minute: three failures on one instance and two on the other
        // use it up on both, since the bucket lives in Redis.
        for (int i = 0; i < 5; i++) {
            PayaraInstance instance = i < 3 ? a : b;
            HttpResponse<String> failed = Api.anonymous(instance.base())
                    .postJson("api/auth/login", "{\"username\":\"grace\",\"password\":\"wrong\"}");
            assertEquals(401, failed.statusCode(), failed.body());
        }
        for (PayaraInstance instance : new PayaraInstance[]{a, b}) {
            HttpResponse<String> locked = Api.anonymous(instance.base())
                    .postJson("api/auth/login", "{\"username\":\"grace\",\"password\":\"grace\"}");
            assertEquals(429, locked.statusCode(), locked.body());
            assertTrue(locked.headers().firstValue("Retry-After").isPresent());
        }
    }

    @Test
    @Order(3)
    void aRedisOutageIsVisibleAndSurvived() throws Exception {
        Api adminA = Api.basic(a.base(), "admin", "admin");
        try (SseStream listener = Api.basic(b.base(), "erin", "erin").stream()) {
            redis.stop();
            awaitTrue(() -> adminA.getRoot("/health/ready").statusCode() == 503, "A not ready without Redis");
            HttpResponse<String> refused = adminA.send("{\"event\":\"lost\",\"data\":1,\"target\":\"all\"}");
            assertEquals(503, refused.statusCode(), "publishing must fail visibly: " + refused.body());
            // The outage itself is what is under test: Redis stays away for ten seconds, as the issue asks.
            TimeUnit.SECONDS.sleep(10);
            assertFalse(listener.ended(), "connected clients stay connected");
            redis.startProcess();
            awaitTrue(() -> adminA.getRoot("/health/ready").statusCode() == 200, "A ready again");
            awaitTrue(() -> adminA.send("{\"event\":\"after-outage\",\"data\":1,\"target\":\"user\",\"userId\":\"erin\"}")
                    .statusCode() == 202, "publishing works again");
            listener.awaitEvent("after-outage", WAIT);
        }
    }

    /**
     * Connecting to Redis never holds up the application's start (on Open Liberty it deadlocked there), and
     * an instance is not ready until it has connected and read the shared streams.
     */
    @Test
    @Order(7)
    void anInstanceStartedBeforeRedisIsNotReadyUntilRedisComes() throws Exception {
        Map<String, String> settings = new LinkedHashMap<>(clusterSettings);
        try (RedisServer late = RedisServer.reserve()) {
            settings.put("sse.cluster.redis.uri", late.uri());
            try (PayaraInstance c = start("c", settings)) {
                Api adminC = Api.basic(c.base(), "admin", "admin");
                HttpResponse<String> notReady = adminC.getRoot("/health/ready");
                assertEquals(503, notReady.statusCode(), notReady.body());
                assertTrue(notReady.body().contains("\"redis\":\"DOWN\""), notReady.body());
                assertEquals(200, adminC.getRoot("/health/live").statusCode(), "alive all along");
                late.startProcess();
                awaitTrue(() -> adminC.getRoot("/health/ready").statusCode() == 200, "C ready once Redis is there");
                try (SseStream grace = Api.basic(c.base(), "grace", "grace").stream()) {
                    send(adminC, "{\"event\":\"late-start\",\"data\":1,\"target\":\"user\",\"userId\":\"grace\"}");
                    grace.awaitEvent("late-start", WAIT);
                }
            }
        }
    }

    /**
     * An upload running on an instance that is stopped ends with {@code upload-error} {@code interrupted}, even
     * for its user's stream on another instance: the event goes through Redis before the instance is gone.
     */
    @Test
    @Order(8)
    void aStoppedInstanceEndsItsUploadsWithAnErrorSeenOnTheOthers() throws Exception {
        Map<String, String> settings = new LinkedHashMap<>(clusterSettings);
        settings.put("sse.uploads.step", "PT1S");
        // B: the test that kills A runs before this one.
        try (SseStream carol = Api.basic(b.base(), "carol", "carol").stream()) {
            try (PayaraInstance d = start("d", settings)) {
                awaitTrue(() -> Api.anonymous(d.base()).getRoot("/health/ready").statusCode() == 200, "D ready");
                HttpResponse<String> started = Api.basic(d.base(), "carol", "carol")
                        .postJson("api/uploads", "{\"fileName\":\"on-d.mp4\"}");
                assertEquals(202, started.statusCode(), started.body());
                carol.awaitEvent("upload-progress", WAIT);
            }
            SseFrame ended = carol.awaitEvent("upload-error", WAIT);
            assertEquals("interrupted", Json.object(ended.data()).getString("status"), ended.data());
            assertTrue(carol.events("upload-complete").isEmpty());
        }
    }

    @Test
    @Order(4)
    void aStalledRedisMakesTheInstancesNotReadyUntilItAnswersAgain() throws Exception {
        Api anonymousA = Api.anonymous(a.base());
        Process stall = redis.stall(8);
        try {
            // A PING that gets no answer within sse.cluster.command-timeout (2 s) is an outage.
            awaitTrue(() -> anonymousA.getRoot("/health/ready").statusCode() == 503, "A not ready while Redis stalls");
        } finally {
            assertTrue(stall.waitFor(20, TimeUnit.SECONDS), "DEBUG SLEEP ended");
        }
        awaitTrue(() -> anonymousA.getRoot("/health/ready").statusCode() == 200, "A ready once Redis answers");
    }

    @Test
    @Order(5)
    void clientsOfAKilledInstanceLoseNothingOnTheOther() throws Exception {
        int total = 150;
        List<SseStream> onA = new ArrayList<>();
        for (String user : List.of("alice", "bob", "carol")) {
            onA.add(Api.basic(a.base(), user, user).stream());
        }
        onA.add(Api.anonymous(a.base()).stream());
        List<SseStream> daveOnA = new ArrayList<>();
        List<SseStream> daveOnB = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            daveOnA.add(Api.basic(a.base(), "dave", "dave").stream());
        }
        for (int i = 0; i < 2; i++) {
            daveOnB.add(Api.basic(b.base(), "dave", "dave").stream());
        }
        Api adminB = Api.basic(b.base(), "admin", "admin");
        AtomicInteger published = new AtomicInteger();
        CompletableFuture<Void> publisher = CompletableFuture.runAsync(() -> {
            for (int n = 0; n < total; n++) {
                send(adminB, "{\"event\":\"tick\",\"data\":{\"n\":" + n + "},\"target\":\"all\"}");
                published.incrementAndGet();
                sleep(15);
            }
        });
        awaitTrue(() -> published.get() >= total / 3, "a third published");
        a.kill();
        long killedAt = System.nanoTime();

        List<List<Integer>> received = new ArrayList<>();
        for (SseStream stream : onA) {
            stream.awaitEnd(WAIT);
            List<SseFrame> before = stream.events("tick");
            String lastId = before.isEmpty() ? null : before.get(before.size() - 1).id();
            Map<String, String> headers = new LinkedHashMap<>();
            String auth = stream.response().request().headers().firstValue("Authorization").orElse(null);
            if (auth != null) {
                headers.put("Authorization", auth);
            }
            if (lastId != null) {
                headers.put("Last-Event-ID", lastId);
            }
            SseStream resumed = SseStream.connect(Api.toUri(b.base()).resolve("api/sse"), headers);
            publisher.get(60, TimeUnit.SECONDS);
            resumed.await(f -> f.is("tick") && n(f) == total - 1, WAIT, "the last tick");
            List<Integer> all = new ArrayList<>();
            before.forEach(f -> all.add(n(f)));
            resumed.events("tick").forEach(f -> all.add(n(f)));
            received.add(all);
            resumed.close();
        }
        // Dave's three streams on A come back to B after their retry, as EventSource does: the dead
        // instance's connections no longer count, well before their lease (10 s) would have run out.
        for (SseStream stream : daveOnA) {
            stream.awaitEnd(WAIT);
        }
        long retryLeft = Duration.ofSeconds(4).toNanos() - (System.nanoTime() - killedAt);
        TimeUnit.NANOSECONDS.sleep(Math.max(0, retryLeft));
        try {
            for (int i = 0; i < 3; i++) {
                SseStream back = Api.basic(b.base(), "dave", "dave").tryStream();
                daveOnB.add(back);
                assertEquals(200, back.status(), "dave's reconnect " + i + " after A died");
            }
        } finally {
            daveOnB.forEach(SseStream::close);
        }
        int first = received.get(0).get(0);
        for (List<Integer> one : received) {
            int start = one.get(0);
            assertTrue(start <= 1 || start == first, "events were already flowing when the clients connected");
            assertEquals(IntStream.range(start, total).boxed().toList(), one, "every event exactly once, in order");
        }
    }

    private static void send(Api api, String json) {
        HttpResponse<String> response = api.send(json);
        assertEquals(202, response.statusCode(), response.body());
    }

    private static List<String> names(SseStream stream) {
        return stream.events().stream().map(SseFrame::event).toList();
    }

    private static int n(SseFrame frame) {
        return Json.object(frame.data()).getInt("n");
    }

    private static void sleep(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
