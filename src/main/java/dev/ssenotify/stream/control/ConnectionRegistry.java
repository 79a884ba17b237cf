package dev.ssenotify.stream.control;

import dev.ssenotify.config.SseConfig;
import dev.ssenotify.notify.entity.DisconnectReason;
import dev.ssenotify.notify.entity.RejectReason;
import dev.ssenotify.notify.entity.SseTarget;
import dev.ssenotify.telemetry.control.Telemetry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Phaser;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one owner of the connection indexes (by client, by user, by session) and of the counts the limits
 * are checked against. Every connection leaves through {@link #close}, whatever ended it.
 */
@ApplicationScoped
public class ConnectionRegistry {

    private final SseConfig config;
    private final Telemetry telemetry;
    private final LifecycleEvents lifecycle;
    private final DeliveryExecutor executor;
    private final UserLeases leases;

    @Inject
    ConnectionRegistry(SseConfig config, Telemetry telemetry, LifecycleEvents lifecycle, DeliveryExecutor executor,
                       UserLeases leases) {
        this.config = config;
        this.telemetry = telemetry;
        this.lifecycle = lifecycle;
        this.executor = executor;
        this.leases = leases;
    }

    /** For the container's proxy. */
    protected ConnectionRegistry() {
        this(null, null, null, null, null);
    }

    private final Map<String, Connection> byClient = new ConcurrentHashMap<>();
    private final Map<String, Set<Connection>> byUser = new ConcurrentHashMap<>();
    private final Map<String, Set<Connection>> bySession = new ConcurrentHashMap<>();
    private final AtomicInteger reserved = new AtomicInteger();
    private final AtomicInteger authenticated = new AtomicInteger();
    private final AddressLimit anonymous = new AddressLimit();
    // Advances on every close, without a lock: lets a caller wait for "some connection closed", bounded.
    private final Phaser closes = new Phaser(1);
    private volatile boolean shuttingDown;

    /**
     * Makes the connection visible to dispatch, or throws if a limit or shutdown forbids it.
     *
     * @param address the client's address, for the limit on anonymous streams; null to skip it
     */
    void admit(Connection connection, String address) {
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
                    + config.maxAnonymousPerAddress() + " streams without a user (sse.max-anonymous-per-address); sign in");
        }
        if (userId != null && !addUnderLimit(userId, connection)) {
            reserved.decrementAndGet();
            throw userLimit();
        }
        if (userId != null
                && !leases.reserve(userId, connection.clientId(), connection.clientKey(), config.maxClientsPerUser())) {
            removeFrom(byUser, userId, connection);
            reserved.decrementAndGet();
            throw userLimit();
        }
        String sessionId = connection.info().sessionId();
        if (sessionId != null) {
            bySession.computeIfAbsent(sessionId, k -> ConcurrentHashMap.newKeySet()).add(connection);
        }
        if (userId != null) {
            authenticated.incrementAndGet();
        }
        byClient.put(connection.clientId(), connection);
        telemetry.opened();
        lifecycle.connected(connection.info());
    }

    private ConnectionRejectedException userLimit() {
        return reject(RejectReason.USER_LIMIT, "user already holds the maximum of "
                + config.maxClientsPerUser() + " connections (sse.max-clients-per-user)");
    }

    private boolean addUnderLimit(String userId, Connection connection) {
        boolean[] added = {false};
        byUser.compute(userId, (key, set) -> {
            Set<Connection> current = set == null ? ConcurrentHashMap.newKeySet() : set;
            if (current.size() < config.maxClientsPerUser()) {
                current.add(connection);
                added[0] = true;
            }
            return current.isEmpty() ? null : current;
        });
        return added[0];
    }

    private ConnectionRejectedException reject(RejectReason reason, String message) {
        telemetry.rejected(reason);
        return new ConnectionRejectedException(reason, message);
    }

    /** Removes the connection from every index and metric and closes its stream; later calls do nothing. */
    public void close(Connection connection, DisconnectReason reason) {
        if (!connection.markClosed()) {
            return;
        }
        byClient.remove(connection.clientId(), connection);
        String userId = connection.info().userId();
        if (userId != null) {
            removeFrom(byUser, userId, connection);
            authenticated.decrementAndGet();
            leases.release(userId, connection.clientId(), connection.clientKey());
        }
        String sessionId = connection.info().sessionId();
        if (sessionId != null) {
            removeFrom(bySession, sessionId, connection);
        }
        if (userId == null) {
            anonymous.remove(connection.clientId());
        }
        reserved.decrementAndGet();
        closes.arrive();
        telemetry.dropped(connection.discardQueued());
        telemetry.closed(reason);
        lifecycle.disconnected(connection.info(), reason);
        // A writer holding the output closes it itself when it next looks (Delivery.write); else the output
        // is taken here, from nobody or from a parked writer whose socket may never drain.
        if (connection.claimForClose()) {
            executor.runOrInline(connection::closeHeldOutput, DeliveryExecutor.Priority.UPKEEP);
        }
    }

    private static void removeFrom(Map<String, Set<Connection>> index, String key, Connection connection) {
        index.computeIfPresent(key, (k, set) -> {
            set.remove(connection);
            return set.isEmpty() ? null : set;
        });
    }

    /** The connections a target reaches right now: through its index when it has one, else by asking each. */
    public Collection<Connection> select(SseTarget target) {
        String key = target.indexKey();
        if (key != null) {
            return indexed(key);
        }
        List<Connection> out = new ArrayList<>(byClient.size());
        for (Connection connection : byClient.values()) {
            if (target.reaches(connection.info())) {
                out.add(connection);
            }
        }
        return out;
    }

    private Collection<Connection> indexed(String key) {
        String id = key.substring(2);
        if (key.startsWith(SseTarget.USER_KEY)) {
            return copy(byUser.get(id));
        }
        if (key.startsWith(SseTarget.SESSION_KEY)) {
            return copy(bySession.get(id));
        }
        Connection connection = key.startsWith(SseTarget.CLIENT_KEY) ? byClient.get(id) : null;
        return connection == null ? List.of() : List.of(connection);
    }

    private static Collection<Connection> copy(Set<Connection> set) {
        return set == null ? List.of() : List.copyOf(set);
    }

    /**
     * The open connection the same logical client opened before: same {@code clientKey}, same user (or,
     * anonymous, same session). Keys never match across owners, so one user cannot push out another.
     */
    Optional<Connection> sameClient(Connection incoming) {
        String key = incoming.clientKey();
        String userId = incoming.info().userId();
        String sessionId = incoming.info().sessionId();
        Set<Connection> peers = userId != null ? byUser.get(userId) : sessionId != null ? bySession.get(sessionId) : null;
        if (key == null || peers == null) {
            return Optional.empty();
        }
        return peers.stream()
                .filter(peer -> peer != incoming && key.equals(peer.clientKey())
                        && Objects.equals(userId, peer.info().userId()))
                .findFirst();
    }

    /** A token for {@link #awaitClose}: taken before doing what may close connections. */
    int closePhase() {
        return closes.getPhase();
    }

    /**
     * Waits until a connection has closed since {@code phase} was taken, at most {@code millis}; returns at
     * once if one already has.
     */
    void awaitClose(int phase, long millis) throws InterruptedException {
        try {
            closes.awaitAdvanceInterruptibly(phase, millis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // none closed in time: the caller looks again
        }
    }

    /** The user's open connections on this instance. */
    Collection<Connection> ofUser(String userId) {
        return copy(byUser.get(userId));
    }

    /** True when no other connection shares this one's user (or, when anonymous, its session). */
    boolean isOnlyConnectionOfItsOwner(Connection connection) {
        String userId = connection.info().userId();
        Set<Connection> peers = userId != null ? byUser.get(userId)
                : connection.info().sessionId() != null ? bySession.get(connection.info().sessionId()) : null;
        return peers == null || peers.size() <= 1;
    }

    Optional<Connection> find(String clientId) {
        return Optional.ofNullable(byClient.get(clientId));
    }

    /** The leases of the authenticated connections, by user: what this instance renews in the cluster. */
    public Map<String, List<String>> leasesByUser() {
        Map<String, List<String>> out = new java.util.HashMap<>();
        byUser.forEach((user, set) -> out.put(user,
                set.stream().map(c -> UserLeases.lease(c.clientId(), c.clientKey())).toList()));
        return out;
    }

    /** Bytes pinned by all connections' buffers: queued frames and what the sockets have not yet taken. */
    public long bufferedBytes() {
        long total = 0;
        for (Connection connection : byClient.values()) {
            total += connection.bufferedBytes();
        }
        return total;
    }

    public Collection<Connection> all() {
        return byClient.values();
    }

    public int size() {
        return byClient.size();
    }

    public int authenticatedCount() {
        return authenticated.get();
    }

    public int uniqueUsers() {
        return byUser.size();
    }

    public int uniqueSessions() {
        return bySession.size();
    }

    public boolean isAccepting() {
        return !shuttingDown;
    }

    @PreDestroy
    void shutdown() {
        shuttingDown = true;
        for (Connection connection : List.copyOf(byClient.values())) {
            close(connection, DisconnectReason.SERVER_SHUTDOWN);
        }
    }
}
