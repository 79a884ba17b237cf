package dev.ssenotify.it;

import dev.ssenotify.it.support.Api;
import dev.ssenotify.it.support.Deployments;
import dev.ssenotify.it.support.Json;
import dev.ssenotify.it.support.SseStream;
import static dev.ssenotify.it.HttpContractIT.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a security review of a running server found, each as it was probed: bodies dribbled a byte at a time,
 * hostile JSON, foreign origins, floods of logins, publishes and streams from one address. Every limit is set
 * low here, so that each is reached in a few requests.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileCallersIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String PUBLIC_ORIGIN = "https://notify.example.com";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war(Map.ofEntries(
                Map.entry("sse.http.body-timeout", "PT3S"),
                Map.entry("sse.public-origin", PUBLIC_ORIGIN),
                Map.entry("sse.max-anonymous-per-address", "3"),
                Map.entry("sse.publish.rate", "5/PT1M"),
                Map.entry("sse.auth.login-rate.account", "3/PT1M"),
                Map.entry("sse.auth.login-rate.address", "6/PT1M"),
                Map.entry("sse.connect.rate", "40/PT1M")));
    }

    @ArquillianResource
    URL base;

    @Test
    @Order(1)
    void dribbledBodiesCostASocketEachNotAThread() throws Exception {
        List<Socket> dribblers = new ArrayList<>();
        try {
            // More than Payara's 200 request threads.
            for (int i = 0; i < 210; i++) {
                Socket socket = new Socket();
                socket.setSoTimeout(10_000);
                socket.connect(new InetSocketAddress("127.0.0.1", base.getPort()), 10_000);
                socket.getOutputStream().write(("POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 4000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
                dribblers.add(socket);
            }
            Api anonymous = Api.anonymous(base);
            for (int round = 0; round < 4; round++) {
                for (Socket socket : dribblers) {
                    socket.getOutputStream().write(' ');
                }
                long start = System.nanoTime();
                HttpResponse<String> me = anonymous.get("api/auth/me");
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertEquals(200, me.statusCode(), me.body());
                assertTrue(millis < 2000, "GET /api/auth/me took " + millis + " ms while bodies dribble");
                // Pacing, not waiting: this is the attacker's dribble, a byte from every socket each half second.
                Thread.sleep(500);
            }
            // Past sse.http.body-timeout (3 s here) each gets a 408 with a problem body.
            String answer = readAnswer(dribblers.get(0).getInputStream());
            assertTrue(answer.startsWith("HTTP/1.1 408"), answer);
            assertTrue(answer.contains("\"status\":408") && answer.contains("sse.http.body-timeout"), answer);
        } finally {
            for (Socket socket : dribblers) {
                socket.close();
            }
        }
        // A body that arrives in parts, within the deadline, is read whole and answered as usual.
        try (Socket slow = new Socket()) {
            slow.setSoTimeout(10_000);
            slow.connect(new InetSocketAddress("127.0.0.1", base.getPort()), 10_000);
            byte[] body = "{\"username\":\"grace\",\"password\":\"grace\"}".getBytes(StandardCharsets.US_ASCII);
            slow.getOutputStream().write(("POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            for (int part = 0; part < body.length; part += 10) {
                slow.getOutputStream().write(body, part, Math.min(10, body.length - part));
                slow.getOutputStream().flush();
                Thread.sleep(200); // pacing: the body comes in parts
            }
            String answer = readAnswer(slow.getInputStream());
            assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
            assertTrue(answer.contains("\"userId\":\"grace\""), answer);
        }
    }

    private static String readAnswer(InputStream in) throws IOException {
        StringBuilder out = new StringBuilder();
        byte[] buffer = new byte[4096];
        int n;
        while (!out.toString().contains("}") && (n = in.read(buffer)) > 0) {
            out.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    @Test
    @Order(2)
    void hostileJsonGets400AndAProblemBodyNeverA500() {
        Api alice = Api.basic(base, "alice", "alice");
        Map<String, String> cases = Map.of(
                "nesting 1,001 deep", "{\"event\":\"e\",\"target\":\"user\",\"data\":" + "[".repeat(1001) + "]".repeat(1001) + "}",
                "a number of 20,000 digits", "{\"event\":\"e\",\"target\":\"user\",\"data\":" + "9".repeat(20_000) + "}",
                "a duplicate key", "{\"event\":\"e\",\"target\":\"user\",\"target\":\"all\"}",
                "trailing content", "{\"event\":\"e\",\"target\":\"user\"} {\"event\":\"f\"}");
        cases.forEach((what, body) -> assertProblem(alice.send(body), 400, what));
        assertProblem(Api.anonymous(base).postJson("api/auth/login",
                "{\"username\":\"alice\",\"username\":\"admin\",\"password\":\"alice\"}"), 400, "login with a duplicate key");
    }

    @Test
    @Order(3)
    void aForeignOriginCannotOpenAStreamNorUseUpQueuedEvents() {
        Api alice = Api.basic(base, "alice", "alice");
        String queued = Json.object(alice.send("{\"event\":\"waiting\",\"target\":\"user\"}").body()).getString("eventId");
        try (SseStream foreign = alice.with("Origin", "http://evil.example").tryStream()) {
            assertEquals(403, foreign.status());
        }
        // With sse.public-origin set, the Host header no longer decides what is same-origin.
        try (SseStream spoofed = alice.with("Origin", "http://127.0.0.1:" + base.getPort()).tryStream()) {
            assertEquals(403, spoofed.status());
        }
        try (SseStream own = alice.with("Origin", PUBLIC_ORIGIN).stream()) {
            assertEquals(queued, own.awaitEvent("waiting", WAIT).id(), "the queued event is still there");
        }
    }

    @Test
    @Order(4)
    void safeDefaultsCookieWadlReservedNamesAndRoles() {
        Api browser = Api.browser(base);
        HttpResponse<String> login = browser.postJson("api/auth/login", "{\"username\":\"bob\",\"password\":\"bob\"}");
        assertEquals(200, login.statusCode(), login.body());
        String cookie = login.headers().firstValue("Set-Cookie").orElse("");
        assertTrue(cookie.contains("HttpOnly"), cookie);
        // Attribute values are case-blind (RFC 6265bis); Payara writes "lax".
        assertTrue(cookie.toLowerCase(java.util.Locale.ROOT).contains("samesite=lax"), cookie);
        assertFalse(cookie.contains("Secure"), "plain HTTP without sse.cookie.secure: " + cookie);
        assertEquals(Json.object(login.body()).getJsonArray("roles"), browser.json("api/auth/me").getJsonArray("roles"),
                "login and /api/auth/me agree on roles");

        assertEquals(404, Api.anonymous(base).get("api/application.wadl").statusCode(), "no WADL");
        for (String name : List.of("SSE.connected", "Sse.gap", "sse.x")) {
            assertProblem(Api.basic(base, "bob", "bob").send("{\"event\":\"" + name + "\",\"target\":\"user\"}"), 400, name);
        }
    }

    @Test
    @Order(5)
    void anonymousStreamsFromOneAddressAreCapped() {
        Api anonymous = Api.anonymous(base);
        List<SseStream> open = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                open.add(anonymous.stream());
            }
            try (SseStream fourth = anonymous.tryStream()) {
                String problem = fourth.errorBody();
                assertEquals(429, fourth.status(), problem);
                assertTrue(fourth.response().headers().firstValue("Retry-After").isPresent());
                assertTrue(problem.contains("sse.max-anonymous-per-address"), problem);
            }
            try (SseStream signedIn = Api.basic(base, "carol", "carol").stream()) {
                assertEquals(200, signedIn.status(), "signed-in users are not counted against the address");
            }
        } finally {
            open.forEach(SseStream::close);
        }
    }

    @Test
    @Order(6)
    void publishingIsRateLimitedPerPublisher() {
        Api erin = Api.basic(base, "erin", "erin");
        for (int i = 0; i < 5; i++) {
            assertEquals(202, erin.send("{\"event\":\"burst\",\"target\":\"user\"}").statusCode());
        }
        HttpResponse<String> refused = erin.send("{\"event\":\"burst\",\"target\":\"user\"}");
        assertProblem(refused, 429, "the sixth publish in a minute");
        assertTrue(Long.parseLong(refused.headers().firstValue("Retry-After").orElse("0")) >= 1, refused.headers().map().toString());
        assertTrue(refused.body().contains("sse.publish.rate"), refused.body());
        assertEquals(202, Api.basic(base, "frank", "frank").send("{\"event\":\"own\",\"target\":\"user\"}").statusCode(),
                "another publisher has its own bucket");
        // The Java API throws RateLimitedException; here through a resource of the application, as a 429.
        HttpResponse<String> java = Api.anonymous(base).post("api/test-support/publish?user=grace&event=j&count=6", "application/json", "");
        assertProblem(java, 429, "the Java API past the rate for one user");
    }

    // Last: once the address is locked out, every sign-in from it waits, Basic credentials included.
    @Test
    @Order(9)
    void failedLoginsAreThrottledPerAccountAndPerAddress() {
        Api anonymous = Api.anonymous(base);
        for (int i = 0; i < 3; i++) {
            assertEquals(401, login(anonymous, "dave", "wrong").statusCode());
        }
        HttpResponse<String> locked = login(anonymous, "dave", "dave");
        assertProblem(locked, 429, "the right password after three wrong ones");
        assertTrue(locked.headers().firstValue("Retry-After").isPresent());
        assertProblem(Api.basic(base, "dave", "dave").get("api/auth/me"), 429, "Basic credentials are throttled too");
        // Other accounts are unaffected until the address has failed six times.
        assertEquals(200, login(anonymous, "grace", "grace").statusCode());
        for (int i = 0; i < 3; i++) {
            assertEquals(401, login(anonymous, "frank", "wrong-" + i).statusCode());
        }
        assertProblem(login(anonymous, "erin", "erin"), 429, "the address failed six times");
    }

    private static HttpResponse<String> login(Api api, String user, String password) {
        return api.postJson("api/auth/login", "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}");
    }

    @Test
    @Order(8)
    void newStreamsPerAddressAreRateLimited() {
        Api bob = Api.basic(base, "bob", "bob");
        int opened = 0;
        int status = 200;
        String body = "";
        while (status == 200 && opened <= 40) {
            try (SseStream stream = bob.tryStream()) {
                status = stream.status();
                body = status == 200 ? "" : stream.errorBody();
            }
            opened++;
        }
        assertEquals(429, status, "refused within the bucket of 40: " + body);
        assertTrue(body.contains("sse.connect.rate"), body);
    }
}
