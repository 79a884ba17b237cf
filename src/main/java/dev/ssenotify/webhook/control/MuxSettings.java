package dev.ssenotify.webhook.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code sse.webhooks.mux.secret} (comma-separated for a rotation: the old and the new secret), unset: the
 * receiver answers 404; {@code sse.webhooks.mux.tolerance} (default {@code PT5M}) against replays;
 * {@code sse.webhooks.mux.dedupe-window} (default {@code PT48H}, longer than Mux retries) for recognising a
 * delivery sent again.
 */
@ApplicationScoped
public class MuxSettings {

    @Inject
    @ConfigProperty(name = "sse.webhooks.mux.secret")
    Optional<String> secret;
    @Inject
    @ConfigProperty(name = "sse.webhooks.mux.tolerance", defaultValue = "PT5M")
    Duration tolerance;
    @Inject
    @ConfigProperty(name = "sse.webhooks.mux.dedupe-window", defaultValue = "PT48H")
    Duration dedupeWindow;

    private MuxSignature signature;

    @PostConstruct
    void check() {
        if (tolerance.isNegative() || tolerance.isZero() || dedupeWindow.isNegative() || dedupeWindow.isZero()) {
            throw new IllegalStateException("sse.webhooks.mux.tolerance and sse.webhooks.mux.dedupe-window must be "
                    + "positive, got " + tolerance + " and " + dedupeWindow);
        }
        List<String> secrets = Arrays.stream(secret.orElse("").split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
        signature = secrets.isEmpty() ? null : new MuxSignature(secrets, tolerance, Clock.systemUTC());
    }

    /** The verifier, or empty when no secret is configured (the receiver is off). */
    public Optional<MuxSignature> signature() {
        return Optional.ofNullable(signature);
    }

    public Duration dedupeWindow() {
        return dedupeWindow;
    }
}
