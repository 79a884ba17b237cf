package dev.ssenotify.identity.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jwt.proc.ExpiredJWTException;
import java.text.ParseException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Verifies a JWT as MP JWT does: an RS256 or ES256 signature by a configured key (never {@code alg: none},
 * never a key the token brings), {@code exp} required, {@code nbf}, issuer and audience checked with the
 * configured clock skew. Nimbus JOSE+JWT does the cryptography; this class only says what to require.
 */
public final class TokenVerifier {

    private static final Set<JWSAlgorithm> SUPPORTED = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    public TokenVerifier(TokenSettings settings) {
        processor.setJWSKeySelector(new KidTolerantSelector(algorithms(settings), PublicKeys.of(settings)));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
                // Mutable sets: the library asks them whether they contain null.
                settings.audiences().isEmpty() ? null : new HashSet<>(settings.audiences()),
                settings.issuer().map(issuer -> new JWTClaimsSet.Builder().issuer(issuer).build()).orElse(null),
                new HashSet<>(Set.of("exp")), new HashSet<>());
        claims.setMaxClockSkew((int) settings.clockSkew().toSeconds());
        processor.setJWTClaimsSetVerifier(claims);
    }

    private static Set<JWSAlgorithm> algorithms(TokenSettings settings) {
        if (settings.algorithm().isEmpty()) {
            return SUPPORTED;
        }
        JWSAlgorithm only = JWSAlgorithm.parse(settings.algorithm().get());
        if (!SUPPORTED.contains(only)) {
            throw new IllegalStateException("mp.jwt.verify.publickey.algorithm must be RS256 or ES256");
        }
        return Set.of(only);
    }

    /**
     * A key given as PEM or DER has no key id, yet providers' tokens name one ({@code kid}): such a key may
     * verify a token whatever id it names, as MP JWT servers allow. Keys that have ids still must match.
     */
    private static final class KidTolerantSelector extends JWSVerificationKeySelector<SecurityContext> {

        KidTolerantSelector(Set<JWSAlgorithm> algorithms, JWKSource<SecurityContext> keys) {
            super(algorithms, keys);
        }

        @Override
        protected JWKMatcher createJWKMatcher(JWSHeader header) {
            if (!isAllowed(header.getAlgorithm())) {
                return null;
            }
            return new JWKMatcher.Builder()
                    .keyType(KeyType.forAlgorithm(header.getAlgorithm()))
                    .keyIDs(new HashSet<>(Arrays.asList(header.getKeyID(), null)))
                    .keyUses(KeyUse.SIGNATURE, null)
                    .algorithms(header.getAlgorithm(), null)
                    .build();
        }
    }

    /** The caller a valid token names; throws {@link InvalidTokenException} saying why a token is refused. */
    public VerifiedCaller verify(String token) {
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (ExpiredJWTException e) {
            throw new InvalidTokenException("the token has expired");
        } catch (BadJWTException e) {
            throw new InvalidTokenException("the token's claims are not accepted: " + e.getMessage());
        } catch (ParseException e) {
            throw new InvalidTokenException("the token is not a JWT");
        } catch (BadJOSEException | JOSEException e) {
            throw new InvalidTokenException("the token's signature is not valid for the configured keys "
                    + "(RS256 or ES256)");
        } catch (RuntimeException e) {
            // A remote key set that cannot be fetched: the token cannot be trusted either.
            throw new InvalidTokenException("the token could not be verified", e);
        }
        String name = Stream.of("upn", "preferred_username", "sub")
                .map(claim -> text(claims, claim))
                .filter(value -> value != null && !value.isBlank())
                .findFirst()
                .orElseThrow(() -> new InvalidTokenException("the token names no user (upn, preferred_username, sub)"));
        Instant expiry = claims.getExpirationTime().toInstant();
        return new VerifiedCaller(name, Set.copyOf(strings(claims.getClaim("groups"))), expiry,
                strings(claims.getClaim("sse_subscribe")));
    }

    private static String text(JWTClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        return value instanceof String s ? s : null;
    }

    /** A list claim, or a single string of space- or comma-separated values (as some providers write scopes). */
    private static List<String> strings(Object claim) {
        if (claim instanceof String s) {
            return Arrays.stream(s.split("[\\s,]+")).filter(v -> !v.isEmpty()).toList();
        }
        if (claim instanceof Collection<?> values) {
            return values.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        return List.of();
    }
}
