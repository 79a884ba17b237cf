package dev.ssenotify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssenotify.it.support.Api;
import dev.ssenotify.it.support.Deployments;
import dev.ssenotify.it.support.Json;
import dev.ssenotify.it.support.SseStream;
import dev.ssenotify.it.support.Tokens;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Callers identified by the application's own identity provider: JWTs signed here with keys generated for the
 * run, as a bearer header or a cookie, beside the demo login.
 */
@ExtendWith(ArquillianExtension.class)
class IdentityIT {

    private static final Duration WAIT = Duration.ofSeconds(15);
    static final Tokens TOKENS = new Tokens();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war(Map.of(
                "mp.jwt.verify.publickey", TOKENS.jwks(),
                "mp.jwt.verify.issuer", Tokens.ISSUER,
                "mp.jwt.verify.audiences", Tokens.AUDIENCE + ",another-audience",
                "mp.jwt.token.cookie", "sse_token"));
    }

    @ArquillianResource
    URL base;

    private Api bearer(String token) {
        return Api.anonymous(base).with("Authorization", "Bearer " + token);
    }

    private static String userOf(SseStream stream) {
        return Json.object(stream.first("sse.connected").data()).getString("userId");
    }

    @Test
    void aValidTokenNamesTheCaller() {
        try (SseStream rs = bearer(TOKENS.rs256("jwt-ann")).stream();
             SseStream es = bearer(TOKENS.es256(Tokens.claims("ignored")
                     .claim("upn", null).claim("preferred_username", "jwt-ben"))).stream();
             SseStream sub = bearer(TOKENS.rs256(Tokens.claims("x").claim("upn", null).subject("jwt-cid"))).stream()) {
            assertEquals("jwt-ann", userOf(rs));
            assertEquals("jwt-ben", userOf(es), "ES256, preferred_username when there is no upn");
            assertEquals("jwt-cid", userOf(sub), "sub when there is neither");
        }
        HttpResponse<String> me = bearer(TOKENS.rs256("jwt-ann", "sse-admin")).get("api/auth/me");
        assertEquals(200, me.statusCode(), me.body());
        assertEquals("jwt-ann", Json.object(me.body()).getString("userId"));
        assertTrue(Json.object(me.body()).getBoolean("admin"), "groups are the roles: " + me.body());
    }

    @Test
    void everyBadTokenIsRefusedWithA401NeverTakenForAnonymous() {
        Map<String, String> bad = Map.of(
                "expired", TOKENS.rs256(Tokens.claims("jwt-x")
                        .expirationTime(Date.from(Instant.now().minusSeconds(60)))),
                "wrong issuer", TOKENS.rs256(Tokens.claims("jwt-x").issuer("https://evil.example")),
                "wrong audience", TOKENS.rs256(Tokens.claims("jwt-x").audience("someone-else")),
                "wrong key", TOKENS.wrongKey(Tokens.claims("jwt-x")),
                "alg none", Tokens.unsigned(Tokens.claims("jwt-x")),
                "no expiry", TOKENS.rs256(Tokens.claims("jwt-x").expirationTime(null)),
                "garbage", "not.a.token");
        bad.forEach((what, token) -> {
            for (HttpResponse<String> response : List.of(bearer(token).get("api/auth/me"),
                    bearer(token).postJson("api/events", "{\"target\":\"all\",\"event\":\"x\"}"))) {
                assertEquals(401, response.statusCode(), what + ": " + response.body());
                assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""), what);
                assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"), what);
            }
            try (SseStream stream = bearer(token).tryStream()) {
                assertEquals(401, stream.status(), what);
            }
        });
    }

    @Test
    void theCookieServesBrowsersAndTheHeaderWinsWhenBothCome() {
        try (SseStream cookie = Api.anonymous(base).with("Cookie", "sse_token=" + TOKENS.rs256("jwt-dee")).stream();
             SseStream both = bearer(TOKENS.rs256("jwt-eve"))
                     .with("Cookie", "sse_token=" + TOKENS.rs256("jwt-dee")).stream()) {
            assertEquals("jwt-dee", userOf(cookie));
            assertEquals("jwt-eve", userOf(both));
        }
        try (SseStream expired = Api.anonymous(base).with("Cookie", "sse_token=" + TOKENS.rs256(Tokens.claims("jwt-dee")
                .expirationTime(Date.from(Instant.now().minusSeconds(60))))).tryStream()) {
            assertEquals(401, expired.status());
        }
    }

    @Test
    void aStreamClosesWhenItsTokenExpires() {
        Instant expiry = Instant.now().plusSeconds(4);
        try (SseStream stream = bearer(TOKENS.rs256(Tokens.claims("jwt-fay").expirationTime(Date.from(expiry))))
                .stream()) {
            assertTrue(!stream.ended(), "open while the token is valid");
            stream.awaitEnd(WAIT);
            assertTrue(!Instant.now().isBefore(expiry.minusMillis(1000)), "closed early, at " + Instant.now());
        }
        Map<?, ?> reasons = Json.object(Api.basic(base, "admin", "admin").get("api/sse-test").body())
                .getJsonObject("disconnects");
        assertTrue(reasons.containsKey("token-expired"), "the reason is counted: " + reasons);
    }

    @Test
    void theDemoLoginStillWorksBesideTokens() {
        try (SseStream alice = Api.basic(base, "alice", "alice").stream()) {
            assertEquals("alice", userOf(alice));
        }
        HttpResponse<String> wrong = Api.basic(base, "alice", "wrong").get("api/auth/me");
        assertEquals(401, wrong.statusCode(), wrong.body());
        assertTrue(wrong.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
    }

    @Test
    void theTokensSubscribeClaimDecidesItsTopicsAndTopicEventsArrive() {
        String token = TOKENS.rs256(Tokens.claims("jwt-gus").claim("sse_subscribe", List.of("accounts/gus/**")));
        try (SseStream refused = bearer(TOKENS.rs256("jwt-gus")).tryStream("?topic=accounts/gus/balance")) {
            assertEquals(403, refused.status(), "no claim, no public topic, no role mapping");
        }
        try (SseStream other = bearer(token).tryStream("?topic=accounts/ida/balance")) {
            assertEquals(403, other.status(), "the claim covers gus's accounts only");
        }
        try (SseStream stream = bearer(token).stream("?topic=accounts/gus/*")) {
            HttpResponse<String> sent = bearer(TOKENS.rs256("backend", "sse-publisher")).postJson("api/events",
                    "{\"target\":\"topic\",\"topic\":\"accounts/gus/balance\",\"event\":\"balance\",\"data\":5}");
            assertEquals(202, sent.statusCode(), sent.body());
            stream.awaitEvent("balance", WAIT);
        }
    }
}
