package dev.ssenotify.stream.control;

import dev.ssenotify.notify.entity.TopicPattern;
import dev.ssenotify.notify.entity.Topics;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Which connections a topic event may reach, without looking at every connection: those subscribed to the
 * exact name, found by it, and those with a wildcard pattern, the only ones a topic event asks one by one.
 * Part of {@link ConnectionIndex}; a connection's own {@link Connection#topics()} is the truth, and every
 * change to it goes through here, so the two move together.
 */
final class TopicIndex {

    private final Map<String, Set<Connection>> exact = new ConcurrentHashMap<>();
    private final Set<Connection> patterned = ConcurrentHashMap.newKeySet();
    private final AtomicInteger subscriptions = new AtomicInteger();

    /** Indexes a connection not yet visible to dispatch, under the topics it opened with. */
    void add(Connection connection) {
        synchronized (connection) {
            index(connection, connection.topics());
        }
    }

    /**
     * Changes a connection's topics to {@code change} applied to its current ones, unless it is closed; one
     * change per connection at a time. Returns the new topics, or null for a closed connection.
     */
    Topics change(Connection connection, java.util.function.UnaryOperator<Topics> change) {
        // The connection's own monitor: changes of different streams never wait on each other.
        synchronized (connection) {
            if (connection.isClosed()) {
                return null;
            }
            Topics before = connection.topics();
            Topics after = change.apply(before);
            unindex(connection, before);
            connection.topics(after);
            index(connection, after);
            return after;
        }
    }

    /** Removes a closed connection: a change that comes later finds it closed and indexes nothing. */
    void remove(Connection connection) {
        synchronized (connection) {
            unindex(connection, connection.topics());
        }
    }

    /** Connections subscribed to a pattern that matches the topic name. */
    Collection<Connection> select(String topic) {
        Set<Connection> named = exact.get(topic);
        List<Connection> out = new ArrayList<>();
        if (named != null) {
            for (Connection connection : named) {
                if (connection.topics().matches(topic)) {
                    out.add(connection);
                }
            }
        }
        for (Connection connection : patterned) {
            if ((named == null || !named.contains(connection)) && connection.topics().matches(topic)) {
                out.add(connection);
            }
        }
        return out;
    }

    /** Subscriptions (patterns, summed over connections) on this instance. */
    int subscriptions() {
        return subscriptions.get();
    }

    /** Connections with a wildcard pattern: what a topic event looks through one by one. */
    int patterned() {
        return patterned.size();
    }

    private void index(Connection connection, Topics topics) {
        boolean wildcard = false;
        for (TopicPattern pattern : topics.patterns()) {
            if (pattern.exact()) {
                exact.computeIfAbsent(pattern.text(), k -> ConcurrentHashMap.newKeySet()).add(connection);
            } else {
                wildcard = true;
            }
        }
        if (wildcard) {
            patterned.add(connection);
        }
        subscriptions.addAndGet(topics.size());
    }

    private void unindex(Connection connection, Topics topics) {
        for (TopicPattern pattern : topics.patterns()) {
            if (pattern.exact()) {
                exact.computeIfPresent(pattern.text(), (k, set) -> {
                    set.remove(connection);
                    return set.isEmpty() ? null : set;
                });
            }
        }
        patterned.remove(connection);
        subscriptions.addAndGet(-topics.size());
    }
}
