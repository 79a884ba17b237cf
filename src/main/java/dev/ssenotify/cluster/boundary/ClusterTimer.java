package dev.ssenotify.cluster.boundary;

import dev.ssenotify.cluster.control.ClusterConfig;
import dev.ssenotify.cluster.control.Presence;
import dev.ssenotify.notify.control.StatsView;
import dev.ssenotify.stream.control.ConnectionRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.Duration;

/**
 * Cluster mode's rounds, on non-persistent EJB timers: every second this instance tells the others it is
 * alive; three times per lease it renews its connections' leases and publishes its stats. One instance alone
 * schedules nothing.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ClusterTimer {

    private static final String ALIVE = "sse-alive";
    private static final String LEASES = "sse-cluster";

    @Resource
    TimerService timers;
    @Inject
    ClusterConfig cluster;
    @Inject
    Presence presence;
    @Inject
    ConnectionRegistry registry;
    @Inject
    StatsView stats;

    private final Jsonb jsonb = JsonbBuilder.create();

    @PostConstruct
    void schedule() {
        if (cluster.enabled()) {
            every(Duration.ofSeconds(1), ALIVE);
            // Leases must be renewed well within their length.
            every(cluster.lease().dividedBy(3), LEASES);
        }
    }

    private void every(Duration interval, String name) {
        long millis = Math.max(1, interval.toMillis());
        timers.createIntervalTimer(millis, millis, new TimerConfig(name, false));
    }

    @Timeout
    void onTimeout(Timer timer) {
        if (ALIVE.equals(timer.getInfo())) {
            presence.alive();
        } else if (LEASES.equals(timer.getInfo())) {
            presence.renew(registry.leasesByUser());
            presence.publishStats(jsonb.toJson(stats.snapshot()));
        }
    }

    @PreDestroy
    void close() {
        try {
            jsonb.close();
        } catch (Exception e) {
            // nothing left to release
        }
    }
}
