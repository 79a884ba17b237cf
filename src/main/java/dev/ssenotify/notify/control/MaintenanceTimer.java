package dev.ssenotify.notify.control;

import dev.ssenotify.cluster.control.ClusterConfig;
import jakarta.annotation.PostConstruct;
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
import java.time.Duration;

/**
 * Drives heartbeats and cleanup with non-persistent EJB timers at the configured intervals; the timer
 * methods only delegate. Timers end with the application.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class MaintenanceTimer {

    private static final String HEARTBEAT = "sse-heartbeat";
    private static final String CLEANUP = "sse-cleanup";
    private static final String CLUSTER = "sse-cluster";

    @Resource
    TimerService timers;
    @Inject
    SseConfig config;
    @Inject
    Maintenance maintenance;
    @Inject
    ClusterConfig cluster;

    @PostConstruct
    void schedule() {
        every(config.heartbeatInterval().dividedBy(maintenance.slices()), HEARTBEAT);
        every(config.cleanupInterval(), CLEANUP);
        if (cluster.enabled()) {
            // Leases must be renewed well within their length.
            every(cluster.lease().dividedBy(3), CLUSTER);
        }
    }

    private void every(Duration interval, String name) {
        if (!interval.isZero()) {
            long millis = Math.max(1, interval.toMillis());
            timers.createIntervalTimer(millis, millis, new TimerConfig(name, false));
        }
    }

    @Timeout
    void onTimeout(Timer timer) {
        if (HEARTBEAT.equals(timer.getInfo())) {
            maintenance.heartbeat();
        } else if (CLEANUP.equals(timer.getInfo())) {
            maintenance.sweep();
        } else if (CLUSTER.equals(timer.getInfo())) {
            maintenance.clusterRound();
        }
    }
}
