package dev.ssenotify.it.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * An identity provider for tests: key pairs generated per run, the public half as the JWKS the server is
 * configured with, and tokens signed (or mis-signed) as a test needs them.
 */
public final class Tokens {

    public static final String ISSUER = "https://id.test.example";
    public static final String AUDIENCE = "sse-notify";

    private final RSAKey rsa;
    private final ECKey ec;
    private final RSAKey stranger;
    private final com.nimbusds.jose.JWSSigner rsaSigner;
    private final com.nimbusds.jose.JWSSigner ecSigner;
    private final com.nimbusds.jose.JWSSigner strangerSigner;

    public Tokens() {
        try {
            rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
            ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
            stranger = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
            rsaSigner = new RSASSASigner(rsa);
            ecSigner = new ECDSASigner(ec);
            strangerSigner = new RSASSASigner(stranger);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The value for {@code mp.jwt.verify.publickey}: both public keys as one JWKS. */
    public String jwks() {
        return new JWKSet(List.of(rsa.toPublicJWK(), ec.toPublicJWK())).toString();
    }

    /** The usual claims: issuer, audience, {@code upn}, an expiry a minute away; then the test's changes. */
    public static JWTClaimsSet.Builder claims(String upn, String... groups) {
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .claim("upn", upn)
                .claim("groups", List.of(groups))
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(1))));
    }

    public String rs256(JWTClaimsSet.Builder claims) {
        return sign(rsaSigner, JWSAlgorithm.RS256, rsa.getKeyID(), claims.build());
    }

    public String es256(JWTClaimsSet.Builder claims) {
        return sign(ecSigner, JWSAlgorithm.ES256, ec.getKeyID(), claims.build());
    }

    /** Signed by a key the server does not know, under the known key's id. */
    public String wrongKey(JWTClaimsSet.Builder claims) {
        return sign(strangerSigner, JWSAlgorithm.RS256, stranger.getKeyID(), claims.build());
    }

    /** {@code alg: none}: no signature at all. */
    public static String unsigned(JWTClaimsSet.Builder claims) {
        return new PlainJWT(claims.build()).serialize();
    }

    public String rs256(String upn, String... groups) {
        return rs256(claims(upn, groups));
    }

    public static JWTClaimsSet.Builder with(JWTClaimsSet.Builder claims, Consumer<JWTClaimsSet.Builder> change) {
        change.accept(claims);
        return claims;
    }

    public static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    private static String sign(com.nimbusds.jose.JWSSigner signer, JWSAlgorithm alg, String kid, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(kid).build(), claims);
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
