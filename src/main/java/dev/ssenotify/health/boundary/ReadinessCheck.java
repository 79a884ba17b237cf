package dev.ssenotify.health.boundary;

import dev.ssenotify.cluster.control.Peers;
import dev.ssenotify.notify.control.StatsView;
import dev.ssenotify.notify.entity.SseStats;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while streams are accepted: not shutting down, below {@code sse.max-clients}, and in cluster mode
 * while Redis answers (publishing needs it).
 */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {

    @Inject
    StatsView stats;
    @Inject
    Peers peers;

    @Override
    public HealthCheckResponse call() {
        SseStats now = stats.snapshot();
        Optional<Boolean> store = peers.storeUp();
        boolean up = stats.accepting() && now.totalClients() < now.maxClients() && store.orElse(true);
        var response = HealthCheckResponse.named("sse-streams")
                .status(up)
                .withData("clients", now.totalClients())
                .withData("maxClients", now.maxClients());
        store.ifPresent(redisUp -> response.withData("redis", redisUp ? "UP" : "DOWN"));
        return response.build();
    }
}
