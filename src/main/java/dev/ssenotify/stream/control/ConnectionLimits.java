package dev.ssenotify.stream.control;

import dev.ssenotify.config.SseConfig;
import dev.ssenotify.notify.entity.RejectReason;
import dev.ssenotify.telemetry.control.Telemetry;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The counts a new connection is admitted against: shutdown, {@code sse.max-clients},
 * {@code sse.max-anonymous-per-address}, {@code sse.max-clients-per-user} (here and, through
 * {@link UserLeases}, across instances). Owned by {@link ConnectionRegistry}: what {@link #reserve} counts,
 * {@link #release} gives back when the registry closes the connection. A refusal counts nothing.
 */
final class ConnectionLimits {

    private final SseConfig config;
    private final Telemetry telemetry;
    private final UserLeases leases;
    private final ConnectionIndex index;
    private final AtomicInteger reserved = new AtomicInteger();
    private final AddressLimit anonymous = new AddressLimit();
    private volatile boolean shuttingDown;

    ConnectionLimits(SseConfig config, Telemetry telemetry, UserLeases leases, ConnectionIndex index) {
        this.config = config;
        this.telemetry = telemetry;
        this.leases = leases;
        this.index = index;
    }

    /**
     * Counts the connection against every limit, and adds it to its user's index (in the same step as the
     * per-user count), or throws, having counted nothing.
     *
     * @param address the client's address, for the limit on anonymous streams; null to skip it
     */
    void reserve(Connection connection, String address) {
        if (shuttingDown) {
            throw reject(RejectReason.SHUTTING_DOWN, "the server is shutting down");
        }
        if (reserved.incrementAndGet() > config.maxClients()) {
            reserved.decrementAndGet();
            throw reject(RejectReason.SERVER_LIMIT,
                    "the server holds its maximum of " + config.maxClients() + " connections");
        }
        String userId = connection.info().userId();
        if (userId == null && address != null
                && !anonymous.tryAdd(address, connection.clientId(), config.maxAnonymousPerAddress())) {
            reserved.decrementAndGet();
            throw reject(RejectReason.ADDRESS_LIMIT, "this address already holds the maximum of "
                    + config.maxAnonymousPerAddress()
                    + " streams without a user (sse.max-anonymous-per-address); sign in");
        }
        if (userId != null && !index.addUnderUserLimit(userId, connection, config.maxClientsPerUser())) {
            reserved.decrementAndGet();
            throw userLimit();
        }
        if (userId != null
                && !leases.reserve(userId, connection.clientId(), connection.clientKey(), config.maxClientsPerUser())) {
            index.removeFromUser(userId, connection);
            reserved.decrementAndGet();
            throw userLimit();
        }
    }

    private ConnectionRejectedException userLimit() {
        return reject(RejectReason.USER_LIMIT, "user already holds the maximum of "
                + config.maxClientsPerUser() + " connections (sse.max-clients-per-user)");
    }

    private ConnectionRejectedException reject(RejectReason reason, String message) {
        telemetry.rejected(reason);
        return new ConnectionRejectedException(reason, message);
    }

    /** Gives back what {@link #reserve} counted, but the user index: the registry removes it with the others. */
    void release(Connection connection) {
        String userId = connection.info().userId();
        if (userId != null) {
            leases.release(userId, connection.clientId(), connection.clientKey());
        } else {
            anonymous.remove(connection.clientId());
        }
        reserved.decrementAndGet();
    }

    /** From now on every connection is refused as {@code SHUTTING_DOWN}. */
    void stopAccepting() {
        shuttingDown = true;
    }

    boolean isAccepting() {
        return !shuttingDown;
    }
}
