package dev.ssenotify.it;

import dev.ssenotify.it.support.Api;
import dev.ssenotify.it.support.Deployments;
import dev.ssenotify.it.support.Json;
import dev.ssenotify.it.support.SseFrame;
import dev.ssenotify.it.support.SseStream;
import static dev.ssenotify.it.StreamingIT.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The HTTP contract at its edges: every bad input gets its 4xx with a problem body and leaves the streams
 * intact; who may send to whom; login; origins and CORS.
 */
@ExtendWith(ArquillianExtension.class)
class HttpContractIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String ALLOWED_ORIGIN = "http://app.allowed.example";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war(Map.of(
                "sse.max-event-bytes", "1024",
                "sse.cors.allowed-origins", ALLOWED_ORIGIN + ",http://other.allowed.example:8443"));
    }

    @ArquillianResource
    URL base;

    @Test
    void badInputGetsItsStatusAProblemBodyAndChangesNothing() {
        Api alice = Api.basic(base, "alice", "alice");
        try (SseStream stream = alice.stream()) {
            String big = "x".repeat(1100);
            Map<String, Integer> cases = new java.util.LinkedHashMap<>();
            cases.put("{\"event\":\"e\",\"target\":\"user\"", 400);
            cases.put("[1,2]", 400);
            cases.put("", 400);
            cases.put("{\"event\":\"e\",\"target\":\"everyone\"}", 400);
            cases.put("{\"event\":\"e\"}", 400);
            cases.put("{\"event\":\"e\",\"target\":\"client\"}", 400);
            cases.put("{\"target\":\"user\"}", 400);
            cases.put("{\"event\":\"bad name\",\"target\":\"user\"}", 400);
            cases.put("{\"event\":\"-dash\",\"target\":\"user\"}", 400);
            cases.put("{\"event\":\"" + "e".repeat(65) + "\",\"target\":\"user\"}", 400);
            cases.put("{\"event\":\"sse.connected\",\"target\":\"user\"}", 400);
            cases.put("{\"event\":\"e\\nevent: injected\",\"target\":\"user\"}", 400);
            cases.put("{\"event\":\"e\",\"target\":\"user\",\"id\":\"" + "i".repeat(129) + "\"}", 400);
            cases.put("{\"event\":\"e\",\"target\":\"user\",\"id\":\"a\\nevent: injected\"}", 400);
            cases.put("{\"event\":\"e\",\"target\":\"user\",\"id\":\"a\\rb\"}", 400);
            cases.put("{\"event\":\"e\",\"target\":\"user\",\"id\":\"a\\u0000b\"}", 400);
            cases.put("{\"event\":\"e\",\"target\":\"user\",\"retry\":-5}", 400);
            cases.put("{\"event\":\"e\",\"target\":\"user\",\"retry\":1.5}", 400);
            cases.put("{\"event\":\"e\",\"target\":\"user\",\"retry\":\"1000\"}", 400);
            cases.put("{\"event\":\"e\",\"target\":7}", 400);
            cases.put("{\"event\":\"e\",\"target\":\"user\",\"data\":\"" + big + "\"}", 413);
            cases.put("{\"event\":\"e\",\"target\":\"user\",\"data\":\"" + "y".repeat(40_000) + "\"}", 413);
            cases.forEach((body, status) -> {
                HttpResponse<String> response = alice.send(body);
                assertProblem(response, status, body);
            });
            assertProblem(alice.post("api/sse-test", "text/plain", "{\"event\":\"e\",\"target\":\"user\"}"), 415, "text/plain");
            assertProblem(alice.post("api/sse-test", null, "{\"event\":\"e\",\"target\":\"user\"}"), 415, "no content type");
            assertProblem(alice.post("api/sse-test", "application/x-www-form-urlencoded", "event=e&target=user"), 415, "form");

            send(alice, "{\"event\":\"good\",\"data\":\"\\n\\nevent: injected\\ndata: x\",\"target\":\"user\"}", -1);
            SseFrame good = stream.awaitEvent("good", WAIT);
            assertEquals("\"\\n\\nevent: injected\\ndata: x\"", good.data(), "data travels as one JSON line");
            assertEquals(List.of("sse.connected", "good"), stream.events().stream().map(SseFrame::event).toList(),
                    "nothing from the bad requests may reach the stream");
        }
    }

    @Test
    void unknownPathsAndMethodsGetProblemBodies() {
        Api anonymous = Api.anonymous(base);
        assertProblem(anonymous.get("api/nothing-here"), 404, "unknown path");
        assertProblem(anonymous.send(HttpRequest.newBuilder(anonymous.uri("api/sse-test"))
                .PUT(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json")), 405, "PUT");
    }

    @Test
    void whoMaySendToWhom() {
        Api anonymous = Api.anonymous(base);
        Api alice = Api.basic(base, "alice", "alice");
        Api admin = Api.basic(base, "admin", "admin");
        try (SseStream bobStream = Api.basic(base, "bob", "bob").stream(); SseStream aliceStream = alice.stream()) {
            String bobClient = bobStream.clientId();
            String aliceClient = aliceStream.clientId();

            assertProblem(anonymous.send(event("user", "\"userId\":\"bob\"")), 401, "anonymous to a user");
            assertProblem(anonymous.send(event("user", "")), 401, "anonymous to 'its own' user");
            assertProblem(anonymous.send(event("all", "")), 401, "anonymous to all");
            assertProblem(anonymous.send(event("client", "\"clientId\":\"" + bobClient + "\"")), 401, "anonymous to a client");
            assertProblem(alice.send(event("user", "\"userId\":\"bob\"")), 403, "alice to bob");
            assertProblem(alice.send(event("client", "\"clientId\":\"" + bobClient + "\"")), 403, "alice to bob's client");
            assertProblem(alice.send(event("client", "\"clientId\":\"no-such-client\"")), 403, "alice to an unknown client");
            assertProblem(alice.send(event("session", "\"sessionId\":\"someone-elses\"")), 403, "alice to a foreign session");
            assertProblem(alice.send(event("broadcast", "")), 403, "alice broadcasting");
            assertProblem(alice.send(event("all", "")), 403, "alice to all");

            send(alice, event("user", ""), -1);
            send(alice, event("user", "\"userId\":\"alice\""), -1);
            send(alice, event("client", "\"clientId\":\"" + aliceClient + "\""), 1);
            send(admin, event("user", "\"userId\":\"bob\""), -1);
            send(admin, event("client", "\"clientId\":\"" + bobClient + "\""), 1);
            send(admin, event("broadcast", ""), -1);
            send(admin, event("all", ""), -1);
            send(admin, "{\"event\":\"end\",\"data\":null,\"target\":\"all\"}", -1);
            bobStream.awaitEvent("end", WAIT);
            aliceStream.awaitEvent("end", WAIT);
            assertEquals(4, bobStream.events("probe").size(), "bob gets admin's four and none of alice's attempts");
            assertEquals(5, aliceStream.events("probe").size(), "alice gets her own three and admin's two");
        }
    }

    @Test
    void browserLoginGivesASessionThatCanBeTargeted() {
        Api browser = Api.browser(base);
        assertProblem(browser.postJson("api/auth/login", "{\"username\":\"carol\",\"password\":\"wrong\"}"), 401, "wrong password");
        assertProblem(browser.postJson("api/auth/login", "{\"username\":\"carol\"}"), 400, "no password");
        assertProblem(browser.post("api/auth/login", "text/plain", "carol:carol"), 415, "not JSON");
        HttpResponse<String> login = browser.postJson("api/auth/login", "{\"username\":\"carol\",\"password\":\"carol\"}");
        assertEquals(200, login.statusCode(), login.body());
        JsonObject me = Json.object(browser.get("api/auth/me").body());
        assertEquals("carol", me.getString("userId"));
        String sessionId = me.getString("sessionId");
        assertFalse(login.headers().allValues("Set-Cookie").toString().contains(sessionId),
                "the targetable session id is not the cookie value");
        try (SseStream stream = browser.stream()) {
            assertEquals(sessionId, Json.field(stream.first("sse.connected").data(), "sessionId"));
            assertEquals("carol", Json.field(stream.first("sse.connected").data(), "userId"));
            send(browser, "{\"event\":\"own-session\",\"data\":1,\"target\":\"session\"}", 1);
            stream.awaitEvent("own-session", WAIT);
        }
        assertEquals(204, browser.postJson("api/auth/logout", "").statusCode());
        JsonObject after = Json.object(browser.get("api/auth/me").body());
        assertTrue(after.isNull("userId"), after.toString());
    }

    @Test
    void wrongBasicCredentialsAre401() {
        try (SseStream stream = Api.basic(base, "alice", "nope").tryStream()) {
            assertEquals(401, stream.status());
            assertTrue(stream.response().headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        }
    }

    @Test
    void foreignOriginsAreRefusedUnlessListed() {
        Api alice = Api.basic(base, "alice", "alice");
        String own = "http://127.0.0.1:" + base.getPort();
        String body = event("user", "");
        assertProblem(alice.with("Origin", "http://evil.example").send(body), 403, "foreign origin");
        assertProblem(alice.with("Origin", "null").send(body), 403, "opaque origin");
        assertEquals(202, alice.with("Origin", own).send(body).statusCode(), "own origin");
        assertEquals(202, alice.send(body).statusCode(), "no origin");

        HttpResponse<String> listed = alice.with("Origin", ALLOWED_ORIGIN).send(body);
        assertEquals(202, listed.statusCode(), listed.body());
        assertEquals(ALLOWED_ORIGIN, listed.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertEquals("true", listed.headers().firstValue("Access-Control-Allow-Credentials").orElse(null));

        HttpResponse<String> preflight = Api.anonymous(base).with("Origin", ALLOWED_ORIGIN)
                .with("Access-Control-Request-Method", "GET")
                .with("Access-Control-Request-Headers", "last-event-id")
                .send(HttpRequest.newBuilder(alice.uri("api/sse")).method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertEquals(204, preflight.statusCode());
        assertEquals(ALLOWED_ORIGIN, preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("").contains("Last-Event-ID"));

        HttpResponse<String> foreignPreflight = Api.anonymous(base).with("Origin", "http://evil.example")
                .with("Access-Control-Request-Method", "POST")
                .send(HttpRequest.newBuilder(alice.uri("api/sse-test")).method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertEquals(403, foreignPreflight.statusCode());

        try (SseStream cors = SseStream.connect(alice.uri("api/sse"), Map.of("Origin", ALLOWED_ORIGIN,
                "Authorization", Api.basicHeader("alice", "alice")))) {
            assertEquals(ALLOWED_ORIGIN, cors.response().headers().firstValue("Access-Control-Allow-Origin").orElse(null));
            assertEquals("true", cors.response().headers().firstValue("Access-Control-Allow-Credentials").orElse(null));
        }
        // A stream is not a plain read (it uses up queued events): a foreign origin may not open one.
        try (SseStream foreign = SseStream.open(alice.uri("api/sse"), Map.of("Origin", "http://evil.example"))) {
            assertEquals(403, foreign.status());
            assertTrue(foreign.response().headers().firstValue("Access-Control-Allow-Origin").isEmpty(),
                    "a foreign origin gets no CORS grant");
        }
    }

    @Test
    void statsAnswer() {
        HttpResponse<String> stats = Api.anonymous(base).get("api/sse-test");
        assertEquals(200, stats.statusCode());
        assertNotNull(Json.object(stats.body()).getJsonObject("rejectedConnections"));
    }

    private static String event(String target, String extra) {
        return "{\"event\":\"probe\",\"data\":{\"ok\":true},\"target\":\"" + target + "\""
                + (extra.isEmpty() ? "" : "," + extra) + "}";
    }

    static void assertProblem(HttpResponse<String> response, int status, String what) {
        assertEquals(status, response.statusCode(), what + ": " + response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                what + ": not a problem body: " + response.headers().map());
        JsonObject problem = Json.object(response.body());
        assertEquals(status, problem.getInt("status"), what);
        assertTrue(problem.containsKey("title"), what);
        assertFalse(response.body().contains("Exception"), what + ": leaks an exception: " + response.body());
    }
}
