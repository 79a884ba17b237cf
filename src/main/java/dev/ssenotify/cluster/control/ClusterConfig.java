package dev.ssenotify.cluster.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Cluster settings. With {@code sse.cluster.redis.uri} empty the server runs alone with embedded stores;
 * set, every instance shares the event log, offline queues, limits and stats through that Redis.
 */
@ApplicationScoped
public class ClusterConfig {

    @Inject
    @ConfigProperty(name = "sse.cluster.redis.uri")
    Optional<String> redisUri;

    @Inject
    @ConfigProperty(name = "sse.cluster.key-prefix", defaultValue = "sse-notify")
    String keyPrefix;

    @Inject
    @ConfigProperty(name = "sse.cluster.instance-id")
    Optional<String> instanceId;

    @Inject
    @ConfigProperty(name = "sse.cluster.lease", defaultValue = "PT15S")
    Duration lease;

    @Inject
    @ConfigProperty(name = "sse.cluster.command-timeout", defaultValue = "PT2S")
    Duration commandTimeout;

    private String instance;

    @PostConstruct
    void init() {
        instance = instanceId.filter(s -> !s.isBlank()).orElse(UUID.randomUUID().toString().substring(0, 8));
        if (!instance.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalStateException("sse.cluster.instance-id must match [A-Za-z0-9._-]{1,64}");
        }
        if (!keyPrefix.matches("[A-Za-z0-9._:{}-]{1,64}")) {
            throw new IllegalStateException("sse.cluster.key-prefix must match [A-Za-z0-9._:{}-]{1,64}");
        }
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalStateException("sse.cluster.lease must be positive");
        }
    }

    public boolean enabled() {
        return redisUri.filter(s -> !s.isBlank()).isPresent();
    }

    public String redisUri() {
        return redisUri.orElseThrow();
    }

    /** A Redis key under this cluster's prefix. */
    public String key(String suffix) {
        return keyPrefix + ":" + suffix;
    }

    public String instanceId() {
        return instance;
    }

    /** How long a crashed instance's connections keep counting toward the per-user limit. */
    public Duration lease() {
        return lease;
    }

    public Duration commandTimeout() {
        return commandTimeout;
    }
}
