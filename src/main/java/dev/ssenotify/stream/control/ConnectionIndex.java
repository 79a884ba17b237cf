package dev.ssenotify.stream.control;

import dev.ssenotify.notify.entity.SseTarget;
import dev.ssenotify.notify.entity.Topics;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * The registry's lookups: open connections by client, by user, by session and by topic ({@link TopicIndex}). Owned by
 * {@link ConnectionRegistry}, which alone adds and removes; the user index is filled by the per-user limit
 * ({@link ConnectionLimits}), so that counting a user's connections and adding one are a single step.
 */
final class ConnectionIndex {

    private final Map<String, Connection> byClient = new ConcurrentHashMap<>();
    private final Map<String, Set<Connection>> byUser = new ConcurrentHashMap<>();
    private final Map<String, Set<Connection>> bySession = new ConcurrentHashMap<>();
    private final AtomicInteger authenticated = new AtomicInteger();
    private final TopicIndex topics = new TopicIndex();

    /** Adds the connection under its user unless the user already has {@code max}; true if it was added. */
    boolean addUnderUserLimit(String userId, Connection connection, int max) {
        boolean[] added = {false};
        byUser.compute(userId, (key, set) -> {
            Set<Connection> current = set == null ? ConcurrentHashMap.newKeySet() : set;
            if (current.size() < max) {
                current.add(connection);
                added[0] = true;
            }
            return current.isEmpty() ? null : current;
        });
        return added[0];
    }

    /** Takes back {@link #addUnderUserLimit}, for a connection refused after it. */
    void removeFromUser(String userId, Connection connection) {
        removeFrom(byUser, userId, connection);
    }

    /** Makes an admitted connection (already under its user) visible by session and by client. */
    void add(Connection connection) {
        String sessionId = connection.info().sessionId();
        if (sessionId != null) {
            bySession.computeIfAbsent(sessionId, k -> ConcurrentHashMap.newKeySet()).add(connection);
        }
        if (connection.info().userId() != null) {
            authenticated.incrementAndGet();
        }
        topics.add(connection);
        byClient.put(connection.clientId(), connection);
    }

    /** Removes the connection from every index; the registry calls it once per connection, on close. */
    void remove(Connection connection) {
        byClient.remove(connection.clientId(), connection);
        String userId = connection.info().userId();
        if (userId != null) {
            removeFrom(byUser, userId, connection);
            authenticated.decrementAndGet();
        }
        String sessionId = connection.info().sessionId();
        if (sessionId != null) {
            removeFrom(bySession, sessionId, connection);
        }
        topics.remove(connection);
    }

    /** See {@link ConnectionRegistry#changeTopics}. */
    Topics changeTopics(Connection connection, UnaryOperator<Topics> change) {
        return topics.change(connection, change);
    }

    private static void removeFrom(Map<String, Set<Connection>> index, String key, Connection connection) {
        index.computeIfPresent(key, (k, set) -> {
            set.remove(connection);
            return set.isEmpty() ? null : set;
        });
    }

    /** See {@link ConnectionRegistry#select}. */
    Collection<Connection> select(SseTarget target) {
        String key = target.indexKey();
        if (key != null) {
            return indexed(key);
        }
        List<Connection> out = new ArrayList<>(byClient.size());
        for (Connection connection : byClient.values()) {
            if (target.reaches(connection.info(), connection.topics())) {
                out.add(connection);
            }
        }
        return out;
    }

    private Collection<Connection> indexed(String key) {
        String id = key.substring(2);
        if (key.startsWith(SseTarget.TOPIC_KEY)) {
            return topics.select(id);
        }
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

    /** See {@link ConnectionRegistry#sameClient}. */
    Optional<Connection> sameClient(Connection incoming) {
        String key = incoming.clientKey();
        String userId = incoming.info().userId();
        String sessionId = incoming.info().sessionId();
        Set<Connection> peers = userId != null ? byUser.get(userId)
                : sessionId != null ? bySession.get(sessionId) : null;
        if (key == null || peers == null) {
            return Optional.empty();
        }
        return peers.stream()
                .filter(peer -> peer != incoming && key.equals(peer.clientKey())
                        && Objects.equals(userId, peer.info().userId()))
                .findFirst();
    }

    Collection<Connection> ofUser(String userId) {
        return copy(byUser.get(userId));
    }

    /** See {@link ConnectionRegistry#isOnlyConnectionOfItsOwner}. */
    boolean isOnlyConnectionOfItsOwner(Connection connection) {
        String userId = connection.info().userId();
        Set<Connection> peers = userId != null ? byUser.get(userId)
                : connection.info().sessionId() != null ? bySession.get(connection.info().sessionId()) : null;
        return peers == null || peers.size() <= 1;
    }

    Optional<Connection> find(String clientId) {
        return Optional.ofNullable(byClient.get(clientId));
    }

    /** See {@link ConnectionRegistry#leasesByUser}. */
    Map<String, List<String>> leasesByUser() {
        Map<String, List<String>> out = new HashMap<>();
        byUser.forEach((user, set) -> out.put(user,
                set.stream().map(c -> UserLeases.lease(c.clientId(), c.clientKey())).toList()));
        return out;
    }

    /** The live view: it changes as connections come and go. */
    Collection<Connection> all() {
        return byClient.values();
    }

    int size() {
        return byClient.size();
    }

    int authenticatedCount() {
        return authenticated.get();
    }

    int uniqueUsers() {
        return byUser.size();
    }

    int uniqueSessions() {
        return bySession.size();
    }

    int topicSubscriptions() {
        return topics.subscriptions();
    }
}
