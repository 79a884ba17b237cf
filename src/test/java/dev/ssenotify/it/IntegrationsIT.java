package dev.ssenotify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssenotify.it.support.Api;
import dev.ssenotify.it.support.Deployments;
import dev.ssenotify.it.support.Json;
import dev.ssenotify.it.support.RawSseSocket;
import dev.ssenotify.it.support.SseFrame;
import dev.ssenotify.it.support.SseStream;
import dev.ssenotify.webhook.control.MuxSignature;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The original design's integrations: the signed Mux webhook and the upload jobs with live progress. */
@ExtendWith(ArquillianExtension.class)
class IntegrationsIT {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String SECRET = "test-secret";

    @Deployment(testable = false)
    static WebArchive deployment() {
        // A large queue budget: the slow-client test parks a writer behind more than the kernel's socket buffer.
        return Deployments.war(Map.of("sse.webhooks.mux.secret", SECRET, "sse.uploads.step", "PT0.1S",
                "sse.client.max-buffered-bytes", "16777216"));
    }

    @ArquillianResource
    URL base;

    static String assetReady(String webhookId, String user) {
        return "{\"type\":\"video.asset.ready\",\"id\":\"" + webhookId + "\",\"created_at\":\"2026-12-05T10:00:00Z\","
                + "\"data\":{\"id\":\"asset-" + webhookId + "\",\"status\":\"ready\",\"passthrough\":\"" + user + "\","
                + "\"playback_ids\":[{\"id\":\"pb-" + webhookId + "\",\"policy\":\"public\"}]}}";
    }

    private HttpResponse<String> postWebhook(String body, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(Api.anonymous(base).uri("api/webhooks/mux"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (signature != null) {
            request.header("Mux-Signature", signature);
        }
        return Api.anonymous(base).send(request);
    }

    static String sign(String body, long t) {
        return "t=" + t + ",v1=" + MuxSignature.sign(SECRET, t, body.getBytes(StandardCharsets.UTF_8));
    }

    private static String signNow(String body) {
        return sign(body, Instant.now().getEpochSecond());
    }

    @Test
    void aSignedWebhookReachesItsUserOnceEvenWhenMuxSendsItTwice() {
        String id = UUID.randomUUID().toString();
        String body = assetReady(id, "alice");
        Api admin = Api.basic(base, "admin", "admin");
        try (SseStream alice = Api.basic(base, "alice", "alice").stream();
             SseStream bob = Api.basic(base, "bob", "bob").stream()) {
            HttpResponse<String> first = postWebhook(body, signNow(body));
            assertEquals(200, first.statusCode(), first.body());
            assertFalse(Json.object(first.body()).getBoolean("duplicate"));
            HttpResponse<String> again = postWebhook(body, signNow(body));
            assertEquals(200, again.statusCode(), again.body());
            assertTrue(Json.object(again.body()).getBoolean("duplicate"), again.body());

            SseFrame ready = alice.awaitEvent("video-ready", WAIT);
            JsonObject data = Json.object(ready.data());
            assertEquals("asset-" + id, data.getString("videoId"));
            assertEquals("ready", data.getString("status"));
            assertEquals("https://stream.mux.com/pb-" + id + ".m3u8", data.getString("playbackUrl"));
            for (String user : List.of("alice", "bob")) {
                admin.send("{\"event\":\"fence\",\"data\":1,\"target\":\"user\",\"userId\":\"" + user + "\"}");
            }
            alice.awaitEvent("fence", WAIT);
            bob.awaitEvent("fence", WAIT);
            assertEquals(1, alice.events("video-ready").size(), "once: " + alice.events());
            assertTrue(bob.events("video-ready").isEmpty(), "only the passthrough user");
        }
    }

    @Test
    void badSignaturesAndBodiesAreRefusedAndUnknownTypesAcknowledged() {
        String body = assetReady(UUID.randomUUID().toString(), "alice");
        long now = Instant.now().getEpochSecond();
        assertEquals(401, postWebhook(body, null).statusCode(), "no signature");
        assertEquals(401, postWebhook(body + " ", signNow(body)).statusCode(), "a byte more than was signed");
        assertEquals(401, postWebhook(body, sign(body, now - 600)).statusCode(), "older than the tolerance");
        HttpResponse<String> wrong = postWebhook(body, "t=" + now + ",v1=" + "0".repeat(64));
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        String notJson = "{\"type\":";
        assertEquals(400, postWebhook(notJson, signNow(notJson)).statusCode(), "signed but malformed");
        String noId = "{\"type\":\"video.asset.ready\"}";
        assertEquals(400, postWebhook(noId, signNow(noId)).statusCode());
        String unknown = "{\"type\":\"video.upload.created\",\"id\":\"" + UUID.randomUUID() + "\",\"data\":{}}";
        HttpResponse<String> ignored = postWebhook(unknown, signNow(unknown));
        assertEquals(200, ignored.statusCode(), ignored.body());
        String metrics = Api.anonymous(base).getRoot("/metrics?scope=application").body();
        assertTrue(metrics.matches("(?s).*sse_webhooks_received_total\\{[^}]*outcome=\"ignored\"[^}]*} [1-9].*"), metrics);
        assertTrue(metrics.matches("(?s).*sse_webhooks_received_total\\{[^}]*outcome=\"rejected\"[^}]*} [1-9].*"));
    }

    @Test
    void anUploadReportsItsProgressInOrderAndEndsComplete() {
        Api carol = Api.basic(base, "carol", "carol");
        try (SseStream stream = carol.stream()) {
            HttpResponse<String> started = carol.postJson("api/uploads", "{\"fileName\":\"clip.mp4\"}");
            assertEquals(202, started.statusCode(), started.body());
            String id = Json.object(started.body()).getString("uploadId");
            SseFrame complete = stream.await(f -> f.is("upload-complete") && f.data().contains(id), WAIT, "complete");
            assertEquals(100, Json.object(complete.data()).getInt("progress"));
            List<Integer> progress = stream.events("upload-progress").stream()
                    .map(f -> Json.object(f.data())).filter(d -> d.getString("uploadId").equals(id))
                    .map(d -> d.getInt("progress")).toList();
            assertEquals(List.of(10, 20, 30, 40, 50, 60, 70, 80, 90), progress, "in order, none lost for a reader");
            JsonObject listed = Json.array(carol.get("api/uploads").body()).getJsonObject(0);
            assertEquals("complete", listed.getString("status"));
        }
    }

    @Test
    void anUploadCanBeCancelledFailsWhenToldAndIsTheOwnersAlone() {
        Api dave = Api.basic(base, "dave", "dave");
        try (SseStream stream = dave.stream()) {
            String id = Json.object(dave.postJson("api/uploads", "{\"fileName\":\"long.mov\"}").body()).getString("uploadId");
            stream.await(f -> f.is("upload-progress") && f.data().contains(id), WAIT, "a first progress");
            assertEquals(404, Api.basic(base, "erin", "erin").send(HttpRequest.newBuilder(dave.uri("api/uploads/" + id))
                    .DELETE()).statusCode(), "someone else's");
            HttpResponse<String> cancelled = dave.send(HttpRequest.newBuilder(dave.uri("api/uploads/" + id)).DELETE());
            assertEquals(202, cancelled.statusCode(), cancelled.body());
            SseFrame error = stream.await(f -> f.is("upload-error") && f.data().contains(id), WAIT, "the error");
            assertEquals("cancelled", Json.object(error.data()).getString("status"));

            String failing = Json.object(dave.postJson("api/uploads", "{\"failAtPercent\":30}").body()).getString("uploadId");
            SseFrame failed = stream.await(f -> f.is("upload-error") && f.data().contains(failing), WAIT, "the failure");
            assertEquals("failed", Json.object(failed.data()).getString("status"));
            assertEquals(30, Json.object(failed.data()).getInt("progress"));
            assertTrue(stream.events("upload-complete").isEmpty(), "neither completed");
        }
        assertEquals(401, Api.anonymous(base).postJson("api/uploads", "{}").statusCode());
        assertEquals(400, dave.postJson("api/uploads", "{\"failAtPercent\":0}").statusCode());
    }

    @Test
    void aUserHasAtMostThreeUploadsRunning() {
        Api frank = Api.basic(base, "frank", "frank");
        for (int i = 0; i < 3; i++) {
            assertEquals(202, frank.postJson("api/uploads", "{}").statusCode());
        }
        HttpResponse<String> fourth = frank.postJson("api/uploads", "{}");
        assertEquals(429, fourth.statusCode(), fourth.body());
        assertTrue(fourth.headers().firstValue("Retry-After").isPresent());
    }

    @Test
    void aClientThatFallsBehindGetsTheLatestProgressNotABacklog() throws IOException {
        Api grace = Api.basic(base, "grace", "grace");
        Api admin = Api.basic(base, "admin", "admin");
        try (RawSseSocket slow = RawSseSocket.open(grace.uri("api/sse"), Api.basicHeader("grace", "grace"), 2048)) {
            // More than the kernel's socket buffers take (tcp_wmem's 4 MiB at most), so the writer parks and
            // what follows waits in the connection's queue.
            String filler = "x".repeat(60_000);
            for (int i = 0; i < 100; i++) {
                admin.send("{\"event\":\"filler\",\"data\":\"" + filler + "\",\"target\":\"user\",\"userId\":\"grace\"}");
            }
            String id = Json.object(grace.postJson("api/uploads", "{}").body()).getString("uploadId");
            // The client reads nothing until the job is over: every progress event had to wait in its queue.
            StreamingIT.awaitTrue(() -> grace.get("api/uploads").body().contains("\"complete\""), "the job done");
            String read = slow.readUntil("event: upload-complete");
            int progress = read.split("event: upload-progress", -1).length - 1;
            assertTrue(progress < 9, "a lagging client got " + progress + " of 9 progress events of " + id);
        }
    }
}
