package dev.ssenotify.health.boundary;

import dev.ssenotify.config.SseConfig;
import dev.ssenotify.maintenance.control.Maintenance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive while the heartbeat timer keeps firing: three missed rounds mean dead connections are no longer
 * found and a restart is due.
 */
@Liveness
@ApplicationScoped
public class LivenessCheck implements HealthCheck {

    @Inject
    Maintenance maintenance;
    @Inject
    SseConfig config;

    @Override
    public HealthCheckResponse call() {
        Duration interval = config.heartbeatInterval();
        long since = maintenance.nanosSinceHeartbeat();
        boolean up = interval.isZero() || since < interval.multipliedBy(3).toNanos();
        return HealthCheckResponse.named("sse-heartbeat")
                .status(up)
                .withData("secondsSinceHeartbeat", Duration.ofNanos(since).toSeconds())
                .build();
    }
}
