package dev.ssenotify.notify.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssenotify.config.TestConfig;
import dev.ssenotify.limits.control.RateLimits;
import dev.ssenotify.limits.entity.RateLimitedException;
import dev.ssenotify.log.control.EventEncoder;
import dev.ssenotify.log.control.Frame;
import dev.ssenotify.log.control.InMemoryEventLog;
import dev.ssenotify.notify.entity.ClientInfo;
import dev.ssenotify.notify.entity.EventTooLargeException;
import dev.ssenotify.notify.entity.Receipt;
import dev.ssenotify.notify.entity.SseEvent;
import dev.ssenotify.notify.entity.SseTarget;
import dev.ssenotify.offline.control.Inboxes;
import dev.ssenotify.stream.control.Connection;
import dev.ssenotify.stream.control.ConnectionRegistry;
import dev.ssenotify.stream.control.Delivery;
import dev.ssenotify.telemetry.control.Telemetry;
import dev.ssenotify.testing.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Publishing: serialize once, log, fan out the one frame to the connections the target reaches; limits first. */
class DispatcherTest {

    private final List<Connection> connections = new ArrayList<>();
    private final List<Frame> offered = new ArrayList<>();
    private final List<String> publishers = new ArrayList<>();
    private boolean refuse;
    private Dispatcher dispatcher;

    @BeforeEach
    void setUp() {
        TestConfig config = Fixtures.config();
        config.setMaxEventBytes(100);
        EventEncoder encoder = new EventEncoder(config);
        InMemoryEventLog log = Fixtures.log(config);
        Telemetry telemetry = new Fixtures.QuietTelemetry();
        Inboxes inboxes = Fixtures.inboxes(config, telemetry);
        ConnectionRegistry registry = new ConnectionRegistry() {
            @Override
            public Collection<Connection> select(SseTarget target) {
                return connections.stream().filter(c -> target.reaches(c.info())).toList();
            }
        };
        Delivery delivery = new Delivery() {
            @Override
            public boolean offer(Connection connection, Frame frame) {
                offered.add(frame);
                return true;
            }
        };
        RateLimits limits = new RateLimits() {
            @Override
            public void publish(String publisherKey) {
                publishers.add(publisherKey);
                if (refuse) {
                    throw new RateLimitedException("publish", "publishing is limited (sse.publish.rate)", Duration.ofSeconds(3));
                }
            }
        };
        dispatcher = new Dispatcher(encoder, log, inboxes, registry, delivery, telemetry, limits);
        log.subscribe(dispatcher);
        connections.add(new Connection(new ClientInfo("c1", "alice", null, Instant.now()), null, null, 10, 1 << 20));
        connections.add(new Connection(new ClientInfo("c2", "alice", null, Instant.now()), null, null, 10, 1 << 20));
        connections.add(new Connection(new ClientInfo("c3", "bob", null, Instant.now()), null, null, 10, 1 << 20));
    }

    private Receipt publish(SseEvent event, SseTarget target) {
        return dispatcher.publish(event, target).toCompletableFuture().join();
    }

    @Test
    void oneFrameGoesToEveryConnectionTheTargetReaches() {
        Receipt receipt = publish(SseEvent.of("e", Map.of("n", 1)), SseTarget.user("alice"));
        assertEquals(2, receipt.queued());
        assertEquals(2, offered.size());
        assertSame(offered.get(0), offered.get(1), "serialized once, the same bytes for every stream");
        assertEquals(receipt.eventId(), offered.get(0).logged().id());
    }

    @Test
    void aPublisherIdIsIdempotentPerTarget() {
        Receipt first = publish(new SseEvent("e", 1, "order-7", null), SseTarget.user("bob"));
        Receipt again = publish(new SseEvent("e", 1, "order-7", null), SseTarget.user("bob"));
        assertTrue(again.duplicate());
        assertEquals(first.eventId(), again.eventId());
        assertEquals(1, offered.size(), "sent once");
        assertFalse(publish(new SseEvent("e", 1, "order-7", null), SseTarget.user("alice")).duplicate(),
                "another target's id space");
    }

    @Test
    void theRateIsCountedPerPublisherOrElsePerTargetAndRefusesBeforeAnythingIsLogged() {
        publish(SseEvent.of("e", 1), SseTarget.user("alice"));
        dispatcher.publish(SseEvent.of("e", 1), SseTarget.broadcast(), "user:admin").toCompletableFuture().join();
        assertEquals(List.of("to:user:alice", "user:admin"), publishers);
        refuse = true;
        RateLimitedException refused = assertThrows(RateLimitedException.class,
                () -> dispatcher.publish(SseEvent.of("e", 1), SseTarget.user("alice")));
        assertEquals(3, refused.retryAfterSeconds());
        assertEquals(5, offered.size(), "two for alice, three for the broadcast, none for the refused event");
    }

    @Test
    void badInputIsThrownAtOnceAndCostsNoToken() {
        assertThrows(EventTooLargeException.class, () -> dispatcher.publish(SseEvent.of("e", "x".repeat(200)), SseTarget.all()));
        assertEquals(List.of(), publishers);
    }
}
