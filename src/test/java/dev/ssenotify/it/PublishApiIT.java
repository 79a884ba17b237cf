package dev.ssenotify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssenotify.it.support.Api;
import dev.ssenotify.it.support.Deployments;
import dev.ssenotify.it.support.Json;
import dev.ssenotify.it.support.SseFrame;
import dev.ssenotify.it.support.SseStream;
import dev.ssenotify.it.support.Tokens;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code POST /api/events}: backends publish with a token or an API key; batches report per event. */
@ExtendWith(ArquillianExtension.class)
class PublishApiIT {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Tokens TOKENS = new Tokens();
    private static final String API_KEY = "k-" + UUID.randomUUID() + UUID.randomUUID();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war(Map.of(
                "mp.jwt.verify.publickey", TOKENS.jwks(),
                "mp.jwt.verify.issuer", Tokens.ISSUER,
                "sse.publish.api-keys", "billing=sha256:" + sha256(API_KEY),
                "sse.publish.max-batch", "5",
                "sse.max-event-bytes", "2048"));
    }

    @ArquillianResource
    URL base;

    private Api publisher() {
        return Api.anonymous(base).with("Authorization", "Bearer " + TOKENS.rs256("orders-service", "sse-publisher"));
    }

    @Test
    void aBatchIsSentInOrderWithAnErrorPerBadEventAndARetryIsNeverSentTwice() {
        String batch = "[" + String.join(",",
                event("grace", "first", "b-1"),
                "{\"target\":\"user\",\"userId\":\"grace\",\"event\":\"sse.reserved\",\"data\":1}",
                "{\"target\":\"user\",\"event\":\"no-user\"}",
                "{\"target\":\"user\",\"userId\":\"grace\",\"event\":\"big\",\"data\":\"" + "x".repeat(4000) + "\"}",
                event("grace", "second", "b-2")) + "]";
        try (SseStream grace = Api.basic(base, "grace", "grace").stream()) {
            HttpResponse<String> response = publisher().postJson("api/events", batch);
            assertEquals(202, response.statusCode(), response.body());
            JsonArray results = Json.array(response.body());
            assertEquals(List.of(202, 400, 400, 413, 202),
                    results.stream().map(r -> r.asJsonObject().getInt("status")).toList(), response.body());
            grace.awaitEvent("second", WAIT);

            HttpResponse<String> retry = publisher().postJson("api/events", batch);
            JsonArray again = Json.array(retry.body());
            assertTrue(again.getJsonObject(0).getBoolean("duplicate"), retry.body());
            assertEquals(results.getJsonObject(0).getString("eventId"), again.getJsonObject(0).getString("eventId"));
            assertEquals(results.getJsonObject(4).getString("eventId"), again.getJsonObject(4).getString("eventId"));

            publisher().postJson("api/events", event("grace", "fence", null));
            grace.awaitEvent("fence", WAIT);
            assertEquals(List.of("first", "second"), grace.events().stream().map(SseFrame::event)
                    .filter(name -> name.equals("first") || name.equals("second")).toList(), "once each, in order");
        }
    }

    @Test
    void oneEventIsAnsweredLikeTheTestEndpoint() {
        HttpResponse<String> ok = publisher().postJson("api/events", event("frank", "hello", null));
        assertEquals(202, ok.statusCode(), ok.body());
        JsonObject receipt = Json.object(ok.body());
        assertEquals("user", receipt.getString("target"));
        assertFalse(receipt.getBoolean("duplicate"));
        HttpResponse<String> bad = publisher().postJson("api/events", "{\"target\":\"user\",\"userId\":\"frank\",\"event\":\"bad name\"}");
        assertEquals(400, bad.statusCode(), bad.body());
        assertEquals(415, publisher().post("api/events", "text/plain", event("frank", "x", null)).statusCode());
        assertEquals(400, publisher().postJson("api/events", "[]").statusCode());
        assertEquals(400, publisher().postJson("api/events", "42").statusCode());
        String six = "[" + String.join(",", java.util.Collections.nCopies(6, event("frank", "x", null))) + "]";
        assertEquals(413, publisher().postJson("api/events", six).statusCode(), "over sse.publish.max-batch");
    }

    @Test
    void onlyPublishersPublishAndOnlyAdminsReadTheStats() {
        String body = event("frank", "x", null);
        assertEquals(401, Api.anonymous(base).postJson("api/events", body).statusCode());
        assertEquals(403, Api.basic(base, "alice", "alice").postJson("api/events", body).statusCode());
        assertEquals(403, Api.anonymous(base).with("Authorization", "Bearer " + TOKENS.rs256("someone", "user"))
                .postJson("api/events", body).statusCode());
        assertEquals(202, Api.basic(base, "admin", "admin").postJson("api/events", body).statusCode());

        assertEquals(403, publisher().get("api/events/stats").statusCode());
        assertEquals(401, Api.anonymous(base).get("api/events/stats").statusCode());
        HttpResponse<String> stats = Api.anonymous(base)
                .with("Authorization", "Bearer " + TOKENS.rs256("ops", "sse-admin")).get("api/events/stats");
        assertEquals(200, stats.statusCode(), stats.body());
        assertTrue(Json.object(stats.body()).containsKey("totalClients"), stats.body());
    }

    @Test
    void anApiKeyPublishesAndAWrongOneIsRefused() {
        Api backend = Api.anonymous(base).with("Authorization", "Bearer " + API_KEY);
        try (SseStream frank = Api.basic(base, "frank", "frank").stream()) {
            HttpResponse<String> sent = backend.postJson("api/events", event("frank", "from-key", null));
            assertEquals(202, sent.statusCode(), sent.body());
            frank.awaitEvent("from-key", WAIT);
        }
        HttpResponse<String> wrong = Api.anonymous(base).with("Authorization", "Bearer " + API_KEY + "x")
                .postJson("api/events", event("frank", "x", null));
        assertEquals(401, wrong.statusCode(), wrong.body());
    }

    private static String event(String user, String name, String id) {
        return "{\"target\":\"user\",\"userId\":\"" + user + "\",\"event\":\"" + name + "\",\"data\":{\"n\":1}"
                + (id == null ? "" : ",\"id\":\"" + id + "\"") + "}";
    }

    static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
