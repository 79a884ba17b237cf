package dev.ssenotify.maintenance.boundary;

import dev.ssenotify.config.SseConfig;
import dev.ssenotify.maintenance.control.Maintenance;
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
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * Drives heartbeats and cleanup with non-persistent EJB timers at the configured intervals; the timer
 * methods only delegate. Timers end with the application.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
// No transaction per tick: nothing here is transactional, and a failed round must not roll one back.
@TransactionManagement(TransactionManagementType.BEAN)
public class MaintenanceTimer {

    private static final String HEARTBEAT = "sse-heartbeat";
    private static final String CLEANUP = "sse-cleanup";
    private static final String DEADLINES = "sse-write-deadlines";

    @Resource
    TimerService timers;
    @Inject
    SseConfig config;
    @Inject
    Maintenance maintenance;

    @PostConstruct
    void schedule() {
        every(config.heartbeatInterval().dividedBy(maintenance.slices()), HEARTBEAT);
        every(config.cleanupInterval(), CLEANUP);
        // Once a second (the shortest EJB timer interval everywhere): a stream closes within a second of its
        // token's expiry, and a stuck one within a second of its write timeout. The look is a field read
        // per connection.
        every(Duration.ofSeconds(1), DEADLINES);
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
        } else if (DEADLINES.equals(timer.getInfo())) {
            maintenance.enforceWriteDeadlines();
        }
    }
}
