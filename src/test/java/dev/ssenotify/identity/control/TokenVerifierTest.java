package dev.ssenotify.identity.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssenotify.it.support.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenVerifierTest {

    private static final Tokens TOKENS = new Tokens();

    private static TokenSettings settings(Duration skew) {
        return new TokenSettings(Optional.of(TOKENS.jwks()), Optional.empty(), Optional.of(Tokens.ISSUER),
                Set.of(Tokens.AUDIENCE, "other"), Optional.empty(), "Authorization", Optional.empty(), skew);
    }

    private final TokenVerifier verifier = new TokenVerifier(settings(Duration.ZERO));

    @Test
    void aValidTokenGivesItsUserGroupsExpiryAndTopics() {
        Instant expiry = Instant.now().plusSeconds(30);
        VerifiedCaller caller = verifier.verify(TOKENS.rs256(Tokens.claims("ann", "sse-publisher", "user")
                .expirationTime(Date.from(expiry))
                .claim("sse_subscribe", List.of("orders/42", "news/**"))));
        assertEquals("ann", caller.name());
        assertEquals(Set.of("sse-publisher", "user"), caller.groups());
        assertEquals(expiry.getEpochSecond(), caller.expiry().getEpochSecond());
        assertEquals(List.of("orders/42", "news/**"), caller.subscribe());
    }

    @Test
    void theUserIsUpnElsePreferredUsernameElseSub() {
        assertEquals("ben", verifier.verify(TOKENS.es256(Tokens.claims("x").claim("upn", null)
                .claim("preferred_username", "ben").subject("s"))).name());
        assertEquals("cid", verifier.verify(TOKENS.rs256(Tokens.claims("x").claim("upn", null).subject("cid"))).name());
        assertThrows(InvalidTokenException.class,
                () -> verifier.verify(TOKENS.rs256(Tokens.claims("x").claim("upn", null))));
    }

    @Test
    void aSpaceSeparatedClaimIsAListToo() {
        VerifiedCaller caller = verifier.verify(TOKENS.rs256(Tokens.claims("ann").claim("sse_subscribe", "a/b c/*")));
        assertEquals(List.of("a/b", "c/*"), caller.subscribe());
    }

    @Test
    void everyFlawIsRefusedWithAReason() {
        assertRefused(TOKENS.rs256(Tokens.claims("x").expirationTime(Date.from(Instant.now().minusSeconds(5)))), "expired");
        assertRefused(TOKENS.rs256(Tokens.claims("x").issuer("https://elsewhere")), "claims");
        assertRefused(TOKENS.rs256(Tokens.claims("x").audience("stranger")), "claims");
        assertRefused(TOKENS.rs256(Tokens.claims("x").expirationTime(null)), "claims");
        assertRefused(TOKENS.rs256(Tokens.claims("x").notBeforeTime(Date.from(Instant.now().plusSeconds(60)))), "claims");
        assertRefused(TOKENS.wrongKey(Tokens.claims("x")), "signature");
        assertRefused(Tokens.unsigned(Tokens.claims("x")), "signature");
        assertRefused("a.b.c", "not");
        assertRefused("", "not");
    }

    @Test
    void theClockSkewForgivesALittleLateness() {
        String justExpired = TOKENS.rs256(Tokens.claims("x").expirationTime(Date.from(Instant.now().minusSeconds(5))));
        assertEquals("x", new TokenVerifier(settings(Duration.ofSeconds(30))).verify(justExpired).name());
    }

    @Test
    void anAlgorithmCanBePinned() {
        TokenSettings es256Only = new TokenSettings(Optional.of(TOKENS.jwks()), Optional.empty(), Optional.empty(),
                Set.of(), Optional.of("ES256"), "Authorization", Optional.empty(), Duration.ZERO);
        TokenVerifier pinned = new TokenVerifier(es256Only);
        assertEquals("x", pinned.verify(TOKENS.es256(Tokens.claims("x"))).name());
        assertThrows(InvalidTokenException.class, () -> pinned.verify(TOKENS.rs256(Tokens.claims("x"))));
        TokenSettings hs256 = new TokenSettings(Optional.of(TOKENS.jwks()), Optional.empty(), Optional.empty(),
                Set.of(), Optional.of("HS256"), "Authorization", Optional.empty(), Duration.ZERO);
        assertThrows(IllegalStateException.class, () -> new TokenVerifier(hs256), "no shared-secret algorithms");
    }

    private void assertRefused(String token, String reasonContains) {
        InvalidTokenException e = assertThrows(InvalidTokenException.class, () -> verifier.verify(token));
        assertTrue(e.getMessage().contains(reasonContains), e.getMessage());
    }
}
