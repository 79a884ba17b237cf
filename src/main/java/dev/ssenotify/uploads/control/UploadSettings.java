package dev.ssenotify.uploads.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code sse.uploads.enabled} (default {@code false}: a demo, like the test endpoint), {@code sse.uploads.step}
 * (time per 10 % of progress, default {@code PT1S}), {@code sse.uploads.max-per-user} (running jobs per user,
 * default 3) and {@code sse.uploads.max-total} (running jobs on this instance, default 50).
 */
@ApplicationScoped
public class UploadSettings {

    @Inject
    @ConfigProperty(name = "sse.uploads.enabled", defaultValue = "false")
    boolean enabled;
    @Inject
    @ConfigProperty(name = "sse.uploads.step", defaultValue = "PT1S")
    Duration step;
    @Inject
    @ConfigProperty(name = "sse.uploads.max-per-user", defaultValue = "3")
    int maxPerUser;
    @Inject
    @ConfigProperty(name = "sse.uploads.max-total", defaultValue = "50")
    int maxTotal;

    @PostConstruct
    void check() {
        if (step.isNegative() || step.isZero() || maxPerUser < 1 || maxTotal < 1) {
            throw new IllegalStateException("sse.uploads.step must be positive and sse.uploads.max-per-user and "
                    + "sse.uploads.max-total at least 1");
        }
    }

    public boolean enabled() {
        return enabled;
    }

    Duration step() {
        return step;
    }

    int maxPerUser() {
        return maxPerUser;
    }

    int maxTotal() {
        return maxTotal;
    }
}
