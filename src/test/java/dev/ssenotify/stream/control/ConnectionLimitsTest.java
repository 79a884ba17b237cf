package dev.ssenotify.stream.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssenotify.config.TestConfig;
import dev.ssenotify.notify.entity.ClientInfo;
import dev.ssenotify.notify.entity.RejectReason;
import dev.ssenotify.testing.Fixtures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Admission counts on their own: each limit, what a refusal leaves (nothing), what a release gives back. */
class ConnectionLimitsTest {

    private final ConnectionIndex index = new ConnectionIndex();
    private final List<RejectReason> rejected = new ArrayList<>();
    private final List<String> leases = new ArrayList<>();
    private boolean clusterFull;
    private ConnectionLimits limits;
    private int next;

    @BeforeEach
    void setUp() {
        TestConfig config = Fixtures.config();
        config.setMaxClients(3);
        config.setMaxClientsPerUser(2);
        config.setMaxAnonymousPerAddress(1);
        UserLeases cluster = new UserLeases() {
            @Override
            public boolean reserve(String userId, String clientId, String clientKey, int maxPerUser) {
                if (clusterFull) {
                    return false;
                }
                leases.add(clientId);
                return true;
            }

            @Override
            public void release(String userId, String clientId, String clientKey) {
                leases.remove(clientId);
            }
        };
        Fixtures.QuietTelemetry telemetry = new Fixtures.QuietTelemetry() {
            @Override
            public void rejected(RejectReason reason) {
                rejected.add(reason);
            }
        };
        limits = new ConnectionLimits(config, telemetry, cluster, index);
    }

    private Connection connection(String user) {
        return new Connection(new ClientInfo("c" + (++next), user, null, Instant.now()), null, null, 10, 1 << 20);
    }

    private Connection reserved(String user, String address) {
        Connection connection = connection(user);
        limits.reserve(connection, address);
        return connection;
    }

    private RejectReason refused(String user, String address) {
        return assertThrows(ConnectionRejectedException.class, () -> reserved(user, address)).reason();
    }

    @Test
    void aRefusalCountsNothingAndIsReportedWithItsReason() {
        reserved(null, "10.0.0.1");
        assertEquals(RejectReason.ADDRESS_LIMIT, refused(null, "10.0.0.1"));
        reserved(null, null);
        reserved("alice", "10.0.0.1");
        assertEquals(RejectReason.SERVER_LIMIT, refused("bob", "10.0.0.2"));
        assertEquals(List.of(RejectReason.ADDRESS_LIMIT, RejectReason.SERVER_LIMIT), rejected);
        assertEquals(1, index.ofUser("alice").size(), "a reserved user's connection is in its index");
    }

    @Test
    void aUserIsCountedHereAndInTheClusterAndARefusedLeaseUndoesTheLocalCount() {
        reserved("alice", null);
        reserved("alice", null);
        assertEquals(RejectReason.USER_LIMIT, refused("alice", null));
        clusterFull = true;
        assertEquals(RejectReason.USER_LIMIT, refused("bob", null));
        assertTrue(index.ofUser("bob").isEmpty(), "the refused lease took bob back out of the index");
        clusterFull = false;
        reserved("bob", null);
        assertEquals(3, leases.size());
    }

    @Test
    void releaseGivesBackTheServerSlotTheAddressSlotAndTheLease() {
        Connection anonymous = reserved(null, "10.0.0.1");
        Connection alice = reserved("alice", null);
        reserved("alice", null);
        limits.release(anonymous);
        index.remove(alice);
        limits.release(alice);
        assertEquals(1, leases.size());
        reserved(null, "10.0.0.1");
        reserved("bob", null);
        assertEquals(RejectReason.SERVER_LIMIT, refused(null, "10.0.0.2"));
    }

    @Test
    void afterStopAcceptingEveryConnectionIsRefused() {
        assertTrue(limits.isAccepting());
        limits.stopAccepting();
        assertFalse(limits.isAccepting());
        assertEquals(RejectReason.SHUTTING_DOWN, refused("alice", null));
        assertTrue(leases.isEmpty());
    }
}
