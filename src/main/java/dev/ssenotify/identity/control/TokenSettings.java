package dev.ssenotify.identity.control;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;

/**
 * The MicroProfile JWT keys sse-notify honours, read the way the MP JWT specification defines them, so that a
 * team moving from a container's MP JWT keeps its settings.
 *
 * @param publicKey   {@code mp.jwt.verify.publickey}: a PEM key or certificate, a JWK or JWKS, or either base64-encoded
 * @param location    {@code mp.jwt.verify.publickey.location}: an https JWKS URL, a file, or a class-path resource
 * @param issuer      {@code mp.jwt.verify.issuer}: the exact {@code iss} required, if set
 * @param audiences   {@code mp.jwt.verify.audiences}: one of them must be in {@code aud}, if set
 * @param algorithm   {@code mp.jwt.verify.publickey.algorithm}: RS256 or ES256 only, if set; otherwise both
 * @param header      {@code mp.jwt.token.header}: {@code Authorization} (a Bearer token), another header, or
 *                    {@code Cookie} for the cookie alone
 * @param cookie      {@code mp.jwt.token.cookie}: the cookie browsers' native EventSource sends the token in
 * @param clockSkew   {@code mp.jwt.verify.clock.skew}: seconds of leeway on {@code exp} and {@code nbf}
 */
public record TokenSettings(Optional<String> publicKey, Optional<String> location, Optional<String> issuer,
                            Set<String> audiences, Optional<String> algorithm, String header,
                            Optional<String> cookie, Duration clockSkew) {

    public static TokenSettings from(Config config) {
        return new TokenSettings(
                text(config, "mp.jwt.verify.publickey"),
                text(config, "mp.jwt.verify.publickey.location"),
                text(config, "mp.jwt.verify.issuer"),
                text(config, "mp.jwt.verify.audiences").map(TokenSettings::list).orElse(Set.of()),
                text(config, "mp.jwt.verify.publickey.algorithm"),
                text(config, "mp.jwt.token.header").orElse("Authorization"),
                text(config, "mp.jwt.token.cookie"),
                Duration.ofSeconds(config.getOptionalValue("mp.jwt.verify.clock.skew", Integer.class).orElse(0)));
    }

    /** Whether tokens are to be verified at all: a key is configured. */
    public boolean enabled() {
        return publicKey.isPresent() || location.isPresent();
    }

    /** Whether the token is read from the cookie only ({@code mp.jwt.token.header=Cookie}). */
    boolean cookieOnly() {
        return "Cookie".equalsIgnoreCase(header);
    }

    private static Optional<String> text(Config config, String key) {
        return config.getOptionalValue(key, String.class).map(String::trim).filter(s -> !s.isEmpty());
    }

    private static Set<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
