package dev.ssenotify.stream.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssenotify.notify.entity.ClientInfo;
import dev.ssenotify.notify.entity.SseTarget;
import dev.ssenotify.notify.entity.TopicPattern;
import dev.ssenotify.notify.entity.Topics;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Selecting the streams a topic event reaches through the index, and keeping the index in step with changes. */
class TopicIndexTest {

    private final ConnectionIndex index = new ConnectionIndex();
    private int next;

    private static Topics topics(String... texts) {
        return Topics.of(Arrays.stream(texts).map(TopicPattern::parse).toList());
    }

    private Connection added(String user, Topics topics) {
        Connection connection = new Connection(new ClientInfo("c" + (++next), user, null, Instant.now()), null, null,
                10, 1 << 20);
        connection.topics(topics);
        if (user != null) {
            assertTrue(index.addUnderUserLimit(user, connection, 10));
        }
        index.add(connection);
        return connection;
    }

    private Set<Connection> select(String topic) {
        return Set.copyOf(index.select(SseTarget.topic(topic)));
    }

    @Test
    void aTopicEventReachesExactAndPatternSubscribersOnceEachWhoeverTheyAre() {
        Connection exact = added(null, topics("orders/42"));
        Connection pattern = added("alice", topics("orders/*"));
        Connection both = added("bob", topics("orders/42", "orders/**"));
        added("carol", topics("news/*"));
        added("dave", Topics.NONE);
        assertEquals(Set.of(exact, pattern, both), select("orders/42"));
        assertEquals(3, index.select(SseTarget.topic("orders/42")).size(), "each stream once");
        assertEquals(Set.of(pattern, both), select("orders/43"));
        assertEquals(Set.of(both), select("orders/43/items"));
        assertEquals(Set.of(), select("sport"));
        assertEquals(5, index.topicSubscriptions());
    }

    @Test
    void onlyStreamsWithAWildcardAreLookedAtOneByOne() {
        TopicIndex topicIndex = new TopicIndex();
        for (int i = 0; i < 100; i++) {
            Connection connection = new Connection(new ClientInfo("x" + i, null, null, Instant.now()), null, null, 10, 1);
            connection.topics(i == 0 ? topics("a/*", "b") : i % 2 == 0 ? topics("t" + i) : Topics.NONE);
            topicIndex.add(connection);
        }
        assertEquals(1, topicIndex.patterned());
        assertEquals(1, topicIndex.select("t42").size());
        assertEquals(1, topicIndex.select("a/x").size());
        assertEquals(0, topicIndex.select("t43").size());
    }

    @Test
    void aChangeMovesTheStreamInTheIndexAndCountsAndRemoveForgetsIt() {
        Connection stream = added(null, topics("a"));
        Topics after = index.changeTopics(stream, before -> before.change(
                topics("b/*").patterns(), topics("a").patterns()));
        assertEquals(topics("b/*"), after);
        assertEquals(after, stream.topics());
        assertEquals(Set.of(), select("a"));
        assertEquals(Set.of(stream), select("b/x"));
        assertEquals(1, index.topicSubscriptions());
        index.remove(stream);
        assertEquals(Set.of(), select("b/x"));
        assertEquals(0, index.topicSubscriptions());
    }

    @Test
    void aRefusedChangeChangesNothingAndAClosedStreamIsNotIndexedAgain() {
        Connection stream = added(null, topics("a"));
        assertThrows(IllegalStateException.class, () -> index.changeTopics(stream, before -> {
            throw new IllegalStateException("too many");
        }));
        assertEquals(Set.of(stream), select("a"));
        assertTrue(stream.markClosed());
        index.remove(stream);
        assertNull(index.changeTopics(stream, before -> topics("a", "b")));
        assertEquals(Set.of(), select("a"));
        assertEquals(Set.of(), select("b"));
        assertEquals(0, index.topicSubscriptions());
    }

    @Test
    void concurrentChangesAndClosesLeaveNoStaleEntry() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            Connection[] streams = new Connection[400];
            for (int i = 0; i < streams.length; i++) {
                streams[i] = added(null, topics("t/" + (i % 7)));
            }
            for (Connection stream : streams) {
                pool.submit(() -> index.changeTopics(stream, before -> before.change(topics("x", "y/*").patterns(),
                        before.patterns())));
                pool.submit(() -> {
                    stream.markClosed();
                    index.remove(stream);
                });
            }
            pool.shutdown();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
            assertEquals(0, index.topicSubscriptions());
            assertEquals(Set.of(), select("x"));
            assertEquals(Set.of(), select("y/1"));
            assertEquals(Set.of(), select("t/1"));
        } finally {
            pool.shutdownNow();
        }
    }
}
