package dev.ssenotify.stream.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssenotify.config.TestConfig;
import dev.ssenotify.notify.entity.ClientInfo;
import dev.ssenotify.notify.entity.DisconnectReason;
import dev.ssenotify.notify.entity.RejectReason;
import dev.ssenotify.notify.entity.SseTarget;
import dev.ssenotify.telemetry.control.Telemetry;
import dev.ssenotify.testing.Fixtures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The one owner of the connection indexes: limits on admission, one close, lookups by target. */
class ConnectionRegistryTest {

    private final List<String> lifecycle = new ArrayList<>();
    private ConnectionRegistry registry;
    private int next;

    @BeforeEach
    void setUp() {
        TestConfig config = Fixtures.config();
        config.setMaxClients(4);
        config.setMaxClientsPerUser(2);
        config.setMaxAnonymousPerAddress(1);
        Telemetry telemetry = new Fixtures.QuietTelemetry();
        LifecycleEvents events = new LifecycleEvents() {
            @Override
            void connected(ClientInfo client) {
                lifecycle.add("connected " + client.clientId());
            }

            @Override
            void disconnected(ClientInfo client, DisconnectReason reason) {
                lifecycle.add("disconnected " + client.clientId() + " " + reason.label());
            }
        };
        registry = new ConnectionRegistry(config, telemetry, events, new DeliveryTest.ManualExecutor(), UserLeases.NONE);
    }

    private Connection connection(String user, String session, String clientKey) {
        return new Connection(new ClientInfo("c" + (++next), user, session, Instant.now()), clientKey, null, 10, 1 << 20);
    }

    private Connection admit(String user, String session, String address) {
        Connection connection = connection(user, session, null);
        registry.admit(connection, address);
        return connection;
    }

    private RejectReason refused(String user, String address) {
        return assertThrows(ConnectionRejectedException.class, () -> admit(user, null, address)).reason();
    }

    @Test
    void eachLimitRefusesWithItsOwnReasonAndCountsNothing() {
        admit("alice", null, "10.0.0.1");
        admit("alice", null, "10.0.0.1");
        assertEquals(RejectReason.USER_LIMIT, refused("alice", "10.0.0.1"));
        admit(null, "s1", "10.0.0.2");
        assertEquals(RejectReason.ADDRESS_LIMIT, refused(null, "10.0.0.2"), "one anonymous stream per address");
        admit("bob", null, "10.0.0.2");
        assertEquals(RejectReason.SERVER_LIMIT, refused("carol", "10.0.0.3"));
        assertEquals(4, registry.size(), "refusals left no trace");
    }

    @Test
    void aConnectionLeavesEveryIndexOnceWhateverClosesIt() {
        Connection alice = admit("alice", "s1", "10.0.0.1");
        Connection anonymous = admit(null, "s2", "10.0.0.2");
        registry.close(alice, DisconnectReason.CLIENT_GONE);
        registry.close(alice, DisconnectReason.WRITE_FAILED);
        registry.close(anonymous, DisconnectReason.CLIENT_GONE);
        assertEquals(List.of("connected c1", "connected c2", "disconnected c1 client-gone", "disconnected c2 client-gone"),
                lifecycle);
        assertEquals(0, registry.size());
        assertTrue(registry.select(SseTarget.user("alice")).isEmpty());
        assertTrue(registry.select(SseTarget.session("s1")).isEmpty());
        assertTrue(registry.find(alice.clientId()).isEmpty());
        admit(null, "s3", "10.0.0.2");
        assertEquals(1, registry.size(), "the address's anonymous slot was given back");
    }

    @Test
    void targetsFindTheirConnections() {
        Connection alice = admit("alice", "s1", "10.0.0.1");
        Connection bob = admit("bob", null, "10.0.0.2");
        Connection anonymous = admit(null, "s1", "10.0.0.3");
        assertEquals(List.of(alice), List.copyOf(registry.select(SseTarget.user("alice"))));
        assertEquals(2, registry.select(SseTarget.session("s1")).size());
        assertEquals(List.of(bob), List.copyOf(registry.select(SseTarget.client(bob.clientId()))));
        assertEquals(2, registry.select(SseTarget.broadcast()).size());
        assertTrue(registry.select(SseTarget.all()).contains(anonymous));
        assertEquals(3, registry.select(SseTarget.all()).size());
    }

    @Test
    void aClientKeyFindsTheSameOwnersStaleStreamOnly() {
        Connection stale = connection("alice", null, "tab-1");
        registry.admit(stale, "10.0.0.1");
        assertEquals(stale, registry.sameClient(connection("alice", null, "tab-1")).orElseThrow());
        assertTrue(registry.sameClient(connection("bob", null, "tab-1")).isEmpty(), "keys never match across users");
        assertTrue(registry.sameClient(connection("alice", null, "tab-2")).isEmpty());
    }

    /** Connections close on many threads at once (a broadcast to departed clients): each close completes. */
    @Test
    void concurrentClosesEachCompleteAndAreCountedOnce() throws Exception {
        TestConfig config = Fixtures.config();
        config.setMaxClients(10_000);
        config.setMaxClientsPerUser(10_000);
        java.util.concurrent.atomic.AtomicInteger gone = new java.util.concurrent.atomic.AtomicInteger();
        LifecycleEvents events = new LifecycleEvents() {
            @Override
            void connected(ClientInfo client) {
            }

            @Override
            void disconnected(ClientInfo client, DisconnectReason reason) {
                gone.incrementAndGet();
            }
        };
        DeliveryExecutor inline = new DeliveryExecutor() {
            @Override
            void runOrInline(Runnable task, Priority priority) {
                // the outputs here are null: nothing to close
            }
        };
        ConnectionRegistry shared = new ConnectionRegistry(config, new Fixtures.QuietTelemetry(), events, inline,
                UserLeases.NONE);
        List<Connection> all = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            Connection connection = connection("user-" + (i % 50), null, null);
            shared.admit(connection, null);
            all.add(connection);
        }
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<?>> closing = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int from = t;
                closing.add(threads.submit(() -> {
                    for (int i = from; i < all.size(); i += 8) {
                        shared.close(all.get(i), DisconnectReason.WRITE_FAILED);
                    }
                }));
            }
            for (java.util.concurrent.Future<?> close : closing) {
                close.get(30, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals(0, shared.size());
        assertEquals(4000, gone.get(), "every close ran to its end");
    }
}
