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
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Cluster mode's rounds, on non-persistent EJB timers: every second this instance tells the others it is
 * alive; three times per lease it renews its connections' leases and publishes its stats. One instance alone
 * schedules nothing.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
// No transaction per tick: nothing here is transactional, and a failed round must not roll one back.
@TransactionManagement(TransactionManagementType.BEAN)
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

    private static final Logger LOG = Logger.getLogger("dev.ssenotify.cluster");

    private final Jsonb jsonb = JsonbBuilder.create();
    private volatile boolean failing;

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
        // The first round soon after start: the other instances see this one (and its streams) at once.
        timers.createIntervalTimer(Math.min(millis, 1000), millis, new TimerConfig(name, false));
    }

    @Timeout
    void onTimeout(Timer timer) {
        try {
            if (ALIVE.equals(timer.getInfo())) {
                presence.alive();
            } else if (LEASES.equals(timer.getInfo())) {
                presence.renew(registry.leasesByUser());
                presence.publishStats(jsonb.toJson(stats.snapshot()));
            }
            failing = false;
        } catch (RuntimeException e) {
            // Redis away: readiness says so; one line per outage here, and the next round tries again.
            if (!failing) {
                failing = true;
                LOG.log(Level.WARNING, "Cluster rounds fail while Redis is away: {0}", e.toString());
            }
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
