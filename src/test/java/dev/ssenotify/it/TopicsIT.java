package dev.ssenotify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssenotify.it.support.Api;
import dev.ssenotify.it.support.Deployments;
import dev.ssenotify.it.support.Json;
import dev.ssenotify.it.support.SseFrame;
import dev.ssenotify.it.support.SseStream;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Topics end to end: subscribing with {@code ?topic=} (public patterns, a role's patterns, refusals, bad input),
 * publishing to a topic, replay of missed topic events, and changing a live stream's topics.
 */
@ExtendWith(ArquillianExtension.class)
class TopicsIT {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war(Map.of("sse.topics.public", "news/**", "sse.topics.role.user", "orders/*",
                "sse.topics.max-per-stream", "3",
                // Streams the tests close are noticed by a failed write: soon.
                "sse.heartbeat.interval", "PT2S"));
    }

    @ArquillianResource
    URL base;

    private Api admin() {
        return Api.basic(base, "admin", "admin");
    }

    private HttpResponse<String> publish(Api caller, String topic, String event, String data) {
        return caller.send("{\"event\":\"" + event + "\",\"data\":" + data + ",\"target\":\"topic\",\"topic\":\""
                + topic + "\"}");
    }

    /** A unique event name per call: every test runs on the same deployment. */
    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void anAnonymousStreamOnAPublicPatternGetsWhatAPublisherSendsToAMatchingTopic() {
        Api anonymous = Api.anonymous(base);
        String headline = unique("headline");
        try (SseStream news = anonymous.stream("?topic=news/**");
             SseStream sport = anonymous.stream("?topic=news/sport");
             SseStream none = anonymous.stream()) {
            assertEquals("[\"news/**\"]", Json.object(news.first("sse.connected").data()).get("topics").toString());
            HttpResponse<String> sent = publish(admin(), "news/eu/x", headline, "{\"n\":1}");
            assertEquals(202, sent.statusCode(), sent.body());
            assertEquals("topic", Json.object(sent.body()).getString("target"));
            SseFrame frame = news.awaitEvent(headline, WAIT);
            assertEquals("{\"n\":1}", frame.data());
            String fence = unique("fence");
            assertEquals(202, admin().send("{\"event\":\"" + fence + "\",\"data\":1,\"target\":\"all\"}").statusCode());
            sport.awaitEvent(fence, WAIT);
            none.awaitEvent(fence, WAIT);
            assertTrue(sport.events(headline).isEmpty(), "news/sport does not match news/eu/x");
            assertTrue(none.events(headline).isEmpty(), "a stream without topics got a topic event");
        }
    }

    @Test
    void aTopicNoGrantCoversIsRefusedWith403NamingIt() {
        SseStream anonymous = Api.anonymous(base).tryStream("?topic=orders/42");
        assertProblem(anonymous, 403, "orders/42");
        SseStream alice = Api.basic(base, "alice", "alice").tryStream("?topic=news/*&topic=secret/x");
        assertProblem(alice, 403, "secret/x");
        SseStream wider = Api.basic(base, "alice", "alice").tryStream("?topic=orders/**");
        assertProblem(wider, 403, "orders/**");
    }

    @Test
    void malformedTopicsAndTooManyGet400() {
        Api anonymous = Api.anonymous(base);
        for (String query : List.of("?topic=news//x", "?topic=news/x%20y", "?topic=news/*x", "?topic=",
                "?topic=news/" + "a".repeat(200), "?topic=news/a&topic=news/b&topic=news/c&topic=news/d")) {
            assertProblem(anonymous.tryStream(query), 400, null);
        }
    }

    @Test
    void aRoleMappingLetsItsMembersSubscribeAndAdminsSubscribeToAnything() {
        String order = unique("order");
        try (SseStream alice = Api.basic(base, "alice", "alice").stream("?topic=orders/42");
             SseStream all = admin().stream("?topic=**")) {
            assertEquals(202, publish(admin(), "orders/42", order, "{\"total\":3}").statusCode());
            alice.awaitEvent(order, WAIT);
            all.awaitEvent(order, WAIT);
        }
    }

    @Test
    void onlyPublishersSendToATopic() {
        HttpResponse<String> alice = publish(Api.basic(base, "alice", "alice"), "news/x", "e", "1");
        assertEquals(403, alice.statusCode(), alice.body());
        assertEquals(401, publish(Api.anonymous(base), "news/x", "e", "1").statusCode());
        assertEquals(400, publish(admin(), "news/*", "e", "1").statusCode(), "publishing needs a concrete name");
        HttpResponse<String> missing = admin().send("{\"event\":\"e\",\"data\":1,\"target\":\"topic\"}");
        assertEquals(400, missing.statusCode(), missing.body());
    }

    @Test
    void aReconnectReplaysTheMissedEventsOfItsTopics() {
        Api anonymous = Api.anonymous(base);
        String first = unique("first");
        String missed = unique("missed");
        String other = unique("other");
        String lastId;
        try (SseStream stream = anonymous.stream("?topic=news/eu/*")) {
            assertEquals(202, publish(admin(), "news/eu/a", first, "1").statusCode());
            lastId = stream.awaitEvent(first, WAIT).id();
        }
        assertEquals(202, publish(admin(), "news/eu/b", missed, "2").statusCode());
        assertEquals(202, publish(admin(), "news/us/b", other, "3").statusCode());
        try (SseStream again = anonymous.with("Last-Event-ID", lastId).stream("?topic=news/eu/*")) {
            again.awaitEvent(missed, WAIT);
            assertTrue(again.events(other).isEmpty(), "not one of its topics: " + again.events());
            assertTrue(again.events(first).isEmpty(), "already seen");
        }
        try (SseStream wider = anonymous.with("Last-Event-ID", lastId).stream("?topic=news/**")) {
            wider.awaitEvent(missed, WAIT);
            wider.awaitEvent(other, WAIT);
        }
    }

    @Test
    void aLiveStreamChangesItsTopicsAndIsToldSo() {
        Api alice = Api.basic(base, "alice", "alice");
        String order = unique("order");
        try (SseStream stream = alice.stream()) {
            String clientId = stream.clientId();
            HttpResponse<String> added = alice.postJson("api/sse/subscriptions",
                    "{\"clientId\":\"" + clientId + "\",\"add\":[\"orders/7\",\"news/*\"]}");
            assertEquals(200, added.statusCode(), added.body());
            JsonObject answer = Json.object(added.body());
            assertEquals(clientId, answer.getString("clientId"));
            assertEquals(List.of("orders/7", "news/*"), strings(answer));
            SseFrame subscribed = stream.awaitEvent("sse.subscribed", WAIT);
            assertEquals(List.of("orders/7", "news/*"), strings(Json.object(subscribed.data())));
            assertEquals(202, publish(admin(), "orders/7", order, "1").statusCode());
            stream.awaitEvent(order, WAIT);

            HttpResponse<String> removed = alice.postJson("api/sse/subscriptions",
                    "{\"clientId\":\"" + clientId + "\",\"remove\":[\"orders/7\"]}");
            assertEquals(200, removed.statusCode(), removed.body());
            assertEquals(List.of("news/*"), strings(Json.object(stream.awaitEvent("sse.subscribed", WAIT).data())));
            String after = unique("after");
            assertEquals(202, publish(admin(), "orders/7", after, "2").statusCode());
            String fence = unique("fence");
            assertEquals(202, publish(admin(), "news/x", fence, "3").statusCode());
            stream.awaitEvent(fence, WAIT);
            assertTrue(stream.events(after).isEmpty(), "removed topic still delivered: " + stream.events());

            assertEquals(403, subscribe(alice, clientId, "[\"secret/x\"]").statusCode());
            assertEquals(400, subscribe(alice, clientId, "[\"news//x\"]").statusCode());
            assertEquals(400, subscribe(alice, clientId, "[\"news/a\",\"news/b\",\"news/c\"]").statusCode(),
                    "past sse.topics.max-per-stream with the one it holds");
            assertEquals(400, subscribe(alice, clientId, "\"news/a\"").statusCode());
            HttpResponse<String> foreign = subscribe(Api.basic(base, "bob", "bob"), clientId, "[\"news/a\"]");
            HttpResponse<String> unknown = subscribe(alice, "no-such-client", "[\"news/a\"]");
            assertEquals(404, foreign.statusCode(), foreign.body());
            assertEquals(404, unknown.statusCode(), unknown.body());
            assertEquals(unknown.body(), foreign.body(), "someone else's stream looks like no stream");
            assertEquals(List.of("news/*"), strings(Json.object(subscribe(alice, clientId, "[]").body())),
                    "refused changes changed nothing");
        }
    }

    @Test
    void theStatsCountSubscriptions() {
        int during;
        try (SseStream stream = Api.anonymous(base).stream("?topic=news/a&topic=news/b")) {
            during = subscriptions();
            assertTrue(during >= 2, "two subscriptions counted: " + during);
        }
        StreamingIT.awaitTrue(() -> subscriptions() <= during - 2, "subscriptions uncounted when the stream goes");
    }

    private int subscriptions() {
        return admin().json("api/sse-test").getInt("topicSubscriptions");
    }

    private static HttpResponse<String> subscribe(Api caller, String clientId, String add) {
        return caller.postJson("api/sse/subscriptions", "{\"clientId\":\"" + clientId + "\",\"add\":" + add + "}");
    }

    private static List<String> strings(JsonObject object) {
        return object.getJsonArray("topics").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private static void assertProblem(SseStream stream, int status, String named) {
        try (stream) {
            String body = stream.errorBody();
            assertEquals(status, stream.status(), body);
            assertEquals("application/problem+json",
                    stream.response().headers().firstValue("Content-Type").orElse("").split(";")[0], body);
            if (named != null) {
                assertTrue(Json.object(body).getString("detail").contains("'" + named + "'"), body);
            }
        }
    }
}
