package dev.ssenotify.stream.control;

import dev.ssenotify.log.control.EventEncoder;
import dev.ssenotify.notify.entity.ClientInfo;
import dev.ssenotify.notify.entity.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Changes the topics of a live stream: the registry indexes the new ones, and the stream is told with the
 * reserved event {@code sse.subscribed} ({@code {"topics":[...]}}), queued after every event it already got
 * under the old ones. Who may change what is the caller's to decide before.
 */
@ApplicationScoped
public class Subscriptions {

    @Inject
    ConnectionRegistry registry;
    @Inject
    Delivery delivery;
    @Inject
    EventEncoder encoder;

    /** Who owns an open stream, and its topics now. */
    public Optional<Subscriber> find(String clientId) {
        return registry.find(clientId).map(c -> new Subscriber(c.info(), c.topics()));
    }

    /**
     * Applies {@code change} to the stream's topics, one change per stream at a time; the function may throw
     * to refuse (nothing changes then). Empty when the stream is not open (any more).
     */
    public Optional<Topics> change(String clientId, UnaryOperator<Topics> change) {
        Optional<Connection> found = registry.find(clientId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Connection connection = found.get();
        // The stream's own monitor, as the topic index takes it: two changes reach the stream in their order.
        synchronized (connection) {
            Topics after = registry.changeTopics(connection, change);
            if (after != null) {
                delivery.offer(connection, encoder.subscribed(after));
            }
            return Optional.ofNullable(after);
        }
    }

    /** An open stream: who it belongs to and what it is subscribed to. */
    public record Subscriber(ClientInfo info, Topics topics) {
    }
}
