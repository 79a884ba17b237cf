package dev.ssenotify.health.boundary;

import dev.ssenotify.notify.entity.SseStats;
import dev.ssenotify.notify.control.StatsView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready while streams are accepted: not shutting down and below {@code sse.max-clients}. */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {

    @Inject
    StatsView stats;

    @Override
    public HealthCheckResponse call() {
        SseStats now = stats.snapshot();
        boolean up = stats.accepting() && now.totalClients() < now.maxClients();
        return HealthCheckResponse.named("sse-streams")
                .status(up)
                .withData("clients", now.totalClients())
                .withData("maxClients", now.maxClients())
                .build();
    }
}
