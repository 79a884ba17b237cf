package dev.ssenotify.identity.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.jwk.JWKSet;
import dev.ssenotify.it.support.Tokens;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every form MP JWT allows for a key names the same key, and each verifies the same token. */
class PublicKeysTest {

    private static final Tokens TOKENS = new Tokens();

    private static String rsaPublicDer() throws Exception {
        return Base64.getEncoder().encodeToString(JWKSet.parse(TOKENS.jwks()).getKeys().get(0).toRSAKey()
                .toPublicKey().getEncoded());
    }

    private static void verifies(TokenSettings settings) {
        assertEquals("ann", new TokenVerifier(settings).verify(TOKENS.rs256("ann")).name());
    }

    private static TokenSettings inline(String key) {
        return new TokenSettings(Optional.of(key), Optional.empty(), Optional.empty(), Set.of(), Optional.empty(),
                "Authorization", Optional.empty(), Duration.ZERO);
    }

    @Test
    void pemBase64DerJwkJwksAndBase64JwksAllWork() throws Exception {
        String der = rsaPublicDer();
        String pem = "-----BEGIN PUBLIC KEY-----\n" + der.replaceAll("(.{64})", "$1\n") + "\n-----END PUBLIC KEY-----\n";
        String jwk = JWKSet.parse(TOKENS.jwks()).getKeys().get(0).toJSONString();
        verifies(inline(pem));
        verifies(inline(der));
        verifies(inline(jwk));
        verifies(inline(TOKENS.jwks()));
        verifies(inline(Base64.getUrlEncoder().withoutPadding()
                .encodeToString(TOKENS.jwks().getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void aFileLocationWorks(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("jwks.json");
        Files.writeString(file, TOKENS.jwks());
        verifies(new TokenSettings(Optional.empty(), Optional.of(file.toString()), Optional.empty(), Set.of(),
                Optional.empty(), "Authorization", Optional.empty(), Duration.ZERO));
    }

    @Test
    void somethingThatIsNoKeyFailsAtOnceSayingWhere() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> PublicKeys.of(inline("not a key")));
        assertEquals(true, e.getMessage().startsWith("mp.jwt.verify.publickey"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> PublicKeys.of(new TokenSettings(Optional.empty(),
                Optional.of("/no/such/file.pem"), Optional.empty(), Set.of(), Optional.empty(), "Authorization",
                Optional.empty(), Duration.ZERO)));
    }
}
