package dev.ssenotify.it;

import dev.ssenotify.it.support.Api;
import dev.ssenotify.it.support.Deployments;
import dev.ssenotify.it.support.Json;
import dev.ssenotify.it.support.SseFrame;
import dev.ssenotify.it.support.SseStream;
import static dev.ssenotify.it.HttpContractIT.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Delivery that loses nothing (default write mode): Last-Event-ID replay with no gap and no duplicate at the
 * switch to live, sse.gap for ids it cannot serve, offline queues and their bound, acks, bounded memory.
 */
@ExtendWith(ArquillianExtension.class)
class DeliveryIT {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final int LOG_SIZE = 300;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war(Map.of(
                "sse.replay.max-events", String.valueOf(LOG_SIZE),
                "sse.offline.max-events", "5",
                "sse.client.queue-size", "64",
                "sse.heartbeat.interval", "PT2S"));
    }

    @ArquillianResource
    URL base;

    Api admin;

    @BeforeEach
    void setUp() {
        admin = Api.basic(base, "admin", "admin");
    }

    @Test
    void aClientCutOffGetsExactlyWhatItMissedThenLiveEvents() {
        Api alice = Api.basic(base, "alice", "alice");
        String lastSeen;
        try (SseStream stream = alice.stream()) {
            publish("alice", "before", 1, 0);
            lastSeen = stream.awaitEvent("before", WAIT).id();
        }
        List<String> missed = publish("alice", "missed", 50, 0);
        try (SseStream again = SseStream.connect(alice.uri("api/sse"), headers(alice, lastSeen))) {
            again.await(f -> f.is("missed") && n(f) == 49, WAIT, "the 50th missed event");
            publish("alice", "live", 1, 0);
            again.awaitEvent("live", WAIT);
            List<SseFrame> events = again.events();
            assertEquals("sse.connected", events.get(0).event());
            assertEquals(missed, events.subList(1, 51).stream().map(SseFrame::id).toList(), "exactly the missed, in order");
            assertEquals(IntStream.range(0, 50).boxed().toList(), events.subList(1, 51).stream().map(DeliveryIT::n).toList());
            assertEquals("live", events.get(51).event());
            assertEquals(52, events.size(), "nothing doubled: " + events);
        }
    }

    @Test
    void eventsPublishedDuringTheReplayArriveOnceAndInOrder() throws Exception {
        Api bob = Api.basic(base, "bob", "bob");
        String lastSeen;
        try (SseStream stream = bob.stream()) {
            publish("bob", "seed", 1, 0);
            lastSeen = stream.awaitEvent("seed", WAIT).id();
        }
        publish("bob", "n", 100, 0);
        // In batches, as real publishers do: one burst larger than a queue would end the stream as too slow.
        CompletableFuture<Void> during = CompletableFuture.runAsync(() -> {
            for (int from = 100; from < 250; from += 10) {
                publish("bob", "n", 10, from);
            }
        });
        try (SseStream again = SseStream.connect(bob.uri("api/sse"), headers(bob, lastSeen))) {
            during.get(30, TimeUnit.SECONDS);
            again.await(f -> f.is("n") && n(f) == 249, WAIT, "event 249");
            List<Integer> seen = again.events("n").stream().map(DeliveryIT::n).toList();
            assertEquals(IntStream.range(0, 250).boxed().toList(), seen, "no gap, no duplicate, in order");
        }
    }

    @Test
    void idsItCannotServeGiveAGapAndStillOpenTheStream() {
        Api carol = Api.basic(base, "carol", "carol");
        String oldest = publish("carol", "old", 1, 0).get(0);
        publish("grace", "filler", LOG_SIZE + 10, 0);
        try (SseStream stale = SseStream.connect(carol.uri("api/sse"), headers(carol, oldest))) {
            SseFrame gapFrame = stale.awaitEvent("sse.gap", WAIT);
            JsonObject gap = Json.object(gapFrame.data());
            assertEquals("stale", gap.getString("reason"));
            assertFalse(gap.isNull("oldestId"));
            // Both reserved frames carry the id the stream resumed from: a cut right after them loses nothing.
            assertEquals(oldest, stale.first("sse.connected").id());
            assertEquals(oldest, gapFrame.id());
        }
        try (SseStream unknown = SseStream.connect(carol.uri("api/sse"), headers(carol, "zzzz-12"))) {
            assertEquals("unknown", Json.object(unknown.awaitEvent("sse.gap", WAIT).data()).getString("reason"));
        }
        String hostile = "<script>alert(1)</script>\"},{\"x\":\"";
        URI withParam = carol.uri("api/sse?lastEventId=" + URLEncoder.encode(hostile, StandardCharsets.UTF_8));
        try (SseStream malformed = SseStream.connect(withParam, Map.of("Authorization", Api.basicHeader("carol", "carol")))) {
            SseFrame gap = malformed.awaitEvent("sse.gap", WAIT);
            assertEquals("malformed", Json.object(gap.data()).getString("reason"));
            assertFalse(gap.data().contains("script"), "a malformed id is never echoed: " + gap.data());
        }
        try (SseStream future = SseStream.connect(carol.uri("api/sse"), headers(carol, "%%bad id%%"))) {
            assertEquals("malformed", Json.object(future.awaitEvent("sse.gap", WAIT).data()).getString("reason"));
        }
        assertTrue(stats().getJsonNumber("gapsSignalled").longValue() >= 4);
    }

    @Test
    void replayNeverHandsOutSomeoneElsesEvents() {
        Api erin = Api.basic(base, "erin", "erin");
        String start;
        try (SseStream stream = erin.stream()) {
            publish("erin", "mine", 1, 0);
            start = stream.awaitEvent("mine", WAIT).id();
        }
        publish("frank", "not-for-erin", 5, 0);
        send("{\"event\":\"client-only\",\"data\":1,\"target\":\"client\",\"clientId\":\"someone\"}");
        try (SseStream again = SseStream.connect(erin.uri("api/sse"), headers(erin, start))) {
            publish("erin", "fence", 1, 0);
            again.awaitEvent("fence", WAIT);
            assertEquals(List.of("sse.connected", "fence"), again.events().stream().map(SseFrame::event).toList());
        }
    }

    @Test
    void aUserWhoWasOfflineGetsTheQueueOnceInOrder() {
        List<String> queued = publish("dave", "while-away", 3, 0);
        Api dave = Api.basic(base, "dave", "dave");
        try (SseStream stream = dave.stream()) {
            stream.await(f -> f.is("while-away") && n(f) == 2, WAIT, "the third queued event");
            assertEquals(queued, stream.events("while-away").stream().map(SseFrame::id).toList());
            publish("dave", "fence", 1, 0);
            stream.awaitEvent("fence", WAIT);
        }
        // Written once counts as delivered in write mode: the next stream starts empty.
        try (SseStream next = dave.stream()) {
            publish("dave", "fence2", 1, 0);
            next.awaitEvent("fence2", WAIT);
            assertTrue(next.events("while-away").isEmpty(), "queued events came twice: " + next.events());
        }
    }

    @Test
    void anOverflowingOfflineQueueSignalsAGap() {
        publish("grace", "spill", 8, 0);
        try (SseStream stream = Api.basic(base, "grace", "grace").stream()) {
            stream.await(f -> f.is("spill") && n(f) == 7, WAIT, "the last queued event");
            List<SseFrame> events = stream.events();
            assertEquals("sse.gap", events.get(1).event(), "the gap comes before the queue: " + events);
            assertEquals("offline-overflow", Json.object(events.get(1).data()).getString("reason"));
            assertEquals(List.of(3, 4, 5, 6, 7), stream.events("spill").stream().map(DeliveryIT::n).toList());
        }
    }

    @Test
    void acknowledgementsAreForOnesOwnEventsAndAnyOtherIdGetsOneAnswer() {
        Api frank = Api.basic(base, "frank", "frank");
        String own = publish("frank", "ack-me", 1, 0).get(0);
        String othersEvent = publish("alice", "not-franks", 1, 0).get(0);
        HttpResponse<String> ok = frank.postJson("api/sse/ack", "{\"lastEventId\":\"" + own + "\"}");
        assertEquals(200, ok.statusCode(), ok.body());
        StreamingIT.awaitTrue(() -> acks("frank").contains(own), "EventAcknowledged observed");
        // Someone else's id, an id the log never gave out and a malformed one get one same answer: acks
        // cannot be used to tell other people's ids apart.
        String neverGiven = own.substring(0, own.lastIndexOf('-') + 1) + "999999999";
        HttpResponse<String> others = frank.postJson("api/sse/ack", "{\"lastEventId\":\"" + othersEvent + "\"}");
        assertProblem(others, 400, "someone else's event");
        for (String id : List.of(neverGiven, "nonsense")) {
            HttpResponse<String> answer = frank.postJson("api/sse/ack", "{\"lastEventId\":\"" + id + "\"}");
            assertEquals(others.statusCode(), answer.statusCode(), id);
            assertEquals(others.body(), answer.body(), id);
        }
        String broadcast = Json.object(Api.basic(base, "admin", "admin")
                .send("{\"event\":\"to-all\",\"target\":\"broadcast\"}").body()).getString("eventId");
        assertEquals(200, frank.postJson("api/sse/ack", "{\"lastEventId\":\"" + broadcast + "\"}").statusCode(),
                "a broadcast frank could have received is his to acknowledge");
        assertProblem(frank.postJson("api/sse/ack", "{}"), 400, "no id");
        assertProblem(frank.post("api/sse/ack", "text/plain", own), 415, "not JSON");
        assertProblem(Api.anonymous(base).postJson("api/sse/ack", "{\"lastEventId\":\"" + own + "\"}"), 401, "anonymous");
        assertTrue(stats().getJsonNumber("acks").longValue() >= 1);
    }

    @Test
    void aReceiptSaysWhenTheEventWasDelivered() {
        Api alice = Api.basic(base, "alice", "alice");
        try (SseStream stream = alice.stream()) {
            HttpResponse<String> waited = admin.post("api/test-support/publish-await-ack?user=alice&event=tracked&seconds=10",
                    "application/json", "");
            assertEquals(200, waited.statusCode(), waited.body());
            assertEquals("write", Json.object(waited.body()).getString("via"));
            stream.awaitEvent("tracked", WAIT);
        }
    }

    @Test
    void theLogStaysWithinItsBound() {
        publish("nobody-home", "bulk", LOG_SIZE * 10, 0);
        JsonObject stats = stats();
        assertTrue(stats.getInt("logSize") <= LOG_SIZE, "log grew past its bound: " + stats.getInt("logSize"));
        assertTrue(stats.getInt("offlineQueued") <= 100, "offline queues grew past their bound");
    }

    private List<String> publish(String user, String event, int count, int from) {
        HttpResponse<String> response = admin.post("api/test-support/publish?user=" + user + "&event=" + event
                + "&count=" + count + "&from=" + from, "application/json", "");
        assertEquals(200, response.statusCode(), response.body());
        return Json.value(response.body()).asJsonArray().getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private void send(String json) {
        HttpResponse<String> response = admin.send(json);
        assertEquals(202, response.statusCode(), response.body());
    }

    private List<String> acks(String user) {
        HttpResponse<String> response = admin.get("api/test-support/acks?user=" + user);
        return Json.value(response.body()).asJsonArray().getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private JsonObject stats() {
        return Json.object(admin.get("api/sse-test").body());
    }

    private static Map<String, String> headers(Api api, String lastEventId) {
        return Map.of("Authorization", api.header("Authorization"), "Last-Event-ID", lastEventId);
    }

    private static int n(SseFrame frame) {
        return Json.object(frame.data()).getInt("n");
    }
}
