package dev.ssenotify.stream.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssenotify.notify.entity.ClientInfo;
import dev.ssenotify.notify.entity.SseTarget;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The lookups on their own: the per-user step, every index left on remove, who counts as the same client. */
class ConnectionIndexTest {

    private final ConnectionIndex index = new ConnectionIndex();
    private int next;

    private Connection connection(String user, String session, String clientKey) {
        return new Connection(new ClientInfo("c" + (++next), user, session, Instant.now()), clientKey, null, 10, 1 << 20);
    }

    private Connection added(String user, String session, String clientKey) {
        Connection connection = connection(user, session, clientKey);
        if (user != null) {
            assertTrue(index.addUnderUserLimit(user, connection, 10));
        }
        index.add(connection);
        return connection;
    }

    @Test
    void aUserAtTheLimitGetsNoMoreAndAnUndoneAddLeavesNoTrace() {
        Connection first = connection("alice", null, null);
        assertTrue(index.addUnderUserLimit("alice", first, 1));
        assertFalse(index.addUnderUserLimit("alice", connection("alice", null, null), 1));
        index.removeFromUser("alice", first);
        assertEquals(0, index.uniqueUsers(), "an empty user entry goes");
        assertTrue(index.addUnderUserLimit("alice", connection("alice", null, null), 1));
    }

    @Test
    void removeTakesTheConnectionOutOfEveryIndex() {
        Connection alice = added("alice", "s1", "tab");
        Connection anonymous = added(null, "s1", null);
        assertEquals(2, index.size());
        assertEquals(1, index.authenticatedCount());
        assertEquals(Map.of("alice", List.of(alice.clientId() + "/tab")), index.leasesByUser());
        index.remove(alice);
        assertEquals(List.of(anonymous), List.copyOf(index.select(SseTarget.session("s1"))));
        assertTrue(index.select(SseTarget.user("alice")).isEmpty());
        assertTrue(index.find(alice.clientId()).isEmpty());
        assertEquals(0, index.authenticatedCount());
        index.remove(anonymous);
        assertEquals(0, index.uniqueSessions());
        assertEquals(0, index.size());
    }

    @Test
    void targetsWithoutAnIndexAskEachConnection() {
        Connection alice = added("alice", null, null);
        Connection anonymous = added(null, "s1", null);
        assertEquals(List.of(alice), List.copyOf(index.select(SseTarget.broadcast())));
        assertEquals(2, index.select(SseTarget.all()).size());
        assertEquals(List.of(anonymous), List.copyOf(index.select(SseTarget.client(anonymous.clientId()))));
    }

    @Test
    void theSameClientIsTheSameKeyOfTheSameOwner() {
        Connection stale = added("alice", "s1", "tab");
        Connection anonymous = added(null, "s2", "tab");
        assertEquals(stale, index.sameClient(connection("alice", "s9", "tab")).orElseThrow());
        assertEquals(anonymous, index.sameClient(connection(null, "s2", "tab")).orElseThrow());
        assertTrue(index.sameClient(connection(null, "s1", "tab")).isEmpty(), "an anonymous stream never takes a user's");
        assertTrue(index.sameClient(connection("alice", null, null)).isEmpty(), "no key, no match");
        assertTrue(index.sameClient(stale).isEmpty(), "never itself");
    }

    @Test
    void theOnlyConnectionOfItsOwnerIsCountedByUserElseBySession() {
        Connection alice = added("alice", "s1", null);
        Connection anonymous = added(null, "s1", null);
        assertTrue(index.isOnlyConnectionOfItsOwner(alice), "alice's session is shared, her user is not");
        assertFalse(index.isOnlyConnectionOfItsOwner(anonymous));
        added("alice", null, null);
        assertFalse(index.isOnlyConnectionOfItsOwner(alice));
    }
}
