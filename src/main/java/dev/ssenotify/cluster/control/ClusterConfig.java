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

    // The streams' reconnect delay (read by the notify feature too, with the same default): the clients of
    // a crashed instance come back after it, and must find their old streams no longer counted.
    @Inject
    @ConfigProperty(name = "sse.reconnect.retry", defaultValue = "PT5S")
    Duration reconnectRetry;

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

    /** How long a connection counts without renewal, whatever its instance says of itself. */
    public Duration lease() {
        return lease;
    }

    /**
     * How long an instance counts as alive after it last said so. Its connections stop counting once it is
     * not: within four fifths of the reconnect retry, so that the clients of a crashed instance find their
     * old streams gone when they come back; never under two seconds, since it is renewed every second.
     */
    public Duration aliveFor() {
        Duration ttl = reconnectRetry.multipliedBy(4).dividedBy(5);
        Duration floor = Duration.ofSeconds(2);
        return ttl.compareTo(floor) < 0 ? floor : ttl.compareTo(lease) > 0 ? lease : ttl;
    }

    public Duration commandTimeout() {
        return commandTimeout;
    }
}
