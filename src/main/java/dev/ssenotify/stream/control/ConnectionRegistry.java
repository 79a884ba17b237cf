package dev.ssenotify.stream.control;

import dev.ssenotify.config.SseConfig;
import dev.ssenotify.notify.entity.DisconnectReason;
import dev.ssenotify.notify.entity.SseTarget;
import dev.ssenotify.notify.entity.Topics;
import dev.ssenotify.telemetry.control.Telemetry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;

/**
 * The one owner of connection state: the indexes by client, user and session ({@link ConnectionIndex}) and
 * the counts the limits are checked against ({@link ConnectionLimits}), both its own and changed only here.
 * Every connection enters through {@link #admit} and leaves through {@link #close}, whatever ended it.
 */
@ApplicationScoped
public class ConnectionRegistry {

    private final Telemetry telemetry;
    private final LifecycleEvents lifecycle;
    private final DeliveryExecutor executor;
    private final ConnectionIndex index = new ConnectionIndex();
    private final ConnectionLimits limits;
    // Completed and replaced on every close, without a lock: lets a caller wait for "some connection closed",
    // bounded. (A Phaser of one party threw when two connections closed at once.)
    private volatile CompletableFuture<Void> nextClose = new CompletableFuture<>();

    @Inject
    ConnectionRegistry(SseConfig config, Telemetry telemetry, LifecycleEvents lifecycle, DeliveryExecutor executor,
                       UserLeases leases) {
        this.telemetry = telemetry;
        this.lifecycle = lifecycle;
        this.executor = executor;
        this.limits = new ConnectionLimits(config, telemetry, leases, index);
    }

    /** For the container's proxy. */
    protected ConnectionRegistry() {
        this(null, null, null, null, null);
    }

    /**
     * Makes the connection visible to dispatch, or throws if a limit or shutdown forbids it.
     *
     * @param address the client's address, for the limit on anonymous streams; null to skip it
     */
    void admit(Connection connection, String address) {
        limits.reserve(connection, address);
        index.add(connection);
        telemetry.opened();
        lifecycle.connected(connection.info());
    }

    /** Removes the connection from every index and metric and closes its stream; later calls do nothing. */
    public void close(Connection connection, DisconnectReason reason) {
        if (!connection.markClosed()) {
            return;
        }
        index.remove(connection);
        limits.release(connection);
        signalClose();
        telemetry.dropped(connection.discardQueued());
        telemetry.closed(reason);
        lifecycle.disconnected(connection.info(), reason);
        // A writer holding the output closes it itself when it next looks (Delivery.write); else the output
        // is taken here, from nobody or from a parked writer whose socket may never drain.
        if (connection.claimForClose()) {
            executor.runOrInline(connection::closeHeldOutput, DeliveryExecutor.Priority.UPKEEP);
        }
    }

    // Two closes at once may both complete the same future and one replacement wins: every waiter holding
    // it still wakes, which is all a close signal promises.
    private void signalClose() {
        CompletableFuture<Void> closed = nextClose;
        nextClose = new CompletableFuture<>();
        closed.complete(null);
    }

    /** A token for {@link #awaitClose}: taken before doing what may close connections. */
    CompletableFuture<Void> closePhase() {
        return nextClose;
    }

    /**
     * Waits until a connection has closed since {@code phase} was taken, at most {@code millis}; returns at
     * once if one already has.
     */
    void awaitClose(CompletableFuture<Void> phase, long millis) throws InterruptedException {
        try {
            phase.get(millis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            // none closed in time: the caller looks again
        }
    }

    /** The connections a target reaches right now: through its index when it has one, else by asking each. */
    public Collection<Connection> select(SseTarget target) {
        return index.select(target);
    }

    /**
     * Replaces the connection's topics with {@code change} applied to them, one change per connection at a
     * time (the function may throw to refuse it); returns the new topics, or null once the connection is closed.
     */
    Topics changeTopics(Connection connection, UnaryOperator<Topics> change) {
        return index.changeTopics(connection, change);
    }

    /**
     * The open connection the same logical client opened before: same {@code clientKey}, same user (or,
     * anonymous, same session). Keys never match across owners, so one user cannot push out another.
     */
    Optional<Connection> sameClient(Connection incoming) {
        return index.sameClient(incoming);
    }

    /** The user's open connections on this instance. */
    Collection<Connection> ofUser(String userId) {
        return index.ofUser(userId);
    }

    /** True when no other connection shares this one's user (or, when anonymous, its session). */
    boolean isOnlyConnectionOfItsOwner(Connection connection) {
        return index.isOnlyConnectionOfItsOwner(connection);
    }

    Optional<Connection> find(String clientId) {
        return index.find(clientId);
    }

    /** The leases of the authenticated connections, by user: what this instance renews in the cluster. */
    public Map<String, List<String>> leasesByUser() {
        return index.leasesByUser();
    }

    /** Bytes pinned by all connections' buffers: queued frames and what the sockets have not yet taken. */
    public long bufferedBytes() {
        long total = 0;
        for (Connection connection : index.all()) {
            total += connection.bufferedBytes();
        }
        return total;
    }

    public Collection<Connection> all() {
        return index.all();
    }

    public int size() {
        return index.size();
    }

    public int authenticatedCount() {
        return index.authenticatedCount();
    }

    public int uniqueUsers() {
        return index.uniqueUsers();
    }

    public int uniqueSessions() {
        return index.uniqueSessions();
    }

    /** Topic subscriptions on this instance: patterns summed over the open streams. */
    public int topicSubscriptions() {
        return index.topicSubscriptions();
    }

    public boolean isAccepting() {
        return limits.isAccepting();
    }

    @PreDestroy
    void shutdown() {
        limits.stopAccepting();
        for (Connection connection : List.copyOf(index.all())) {
            close(connection, DisconnectReason.SERVER_SHUTDOWN);
        }
    }
}
