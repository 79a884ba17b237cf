package dev.ssenotify.notify.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssenotify.notify.entity.ClientInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConnectionTest {

    private static Connection connection(int capacity) {
        return new Connection(new ClientInfo("c1", "alice", null, Instant.now()), null, capacity);
    }

    private static Frame event() {
        return new Frame(Frame.Kind.EVENT, sse -> null);
    }

    @Test
    void firstOfferClaimsTheWriterAndLaterOnesDoNot() {
        Connection c = connection(4);
        assertEquals(Connection.Offer.QUEUED_NEEDS_WRITER, c.offer(event()));
        assertEquals(Connection.Offer.QUEUED, c.offer(event()));
    }

    @Test
    void theWriterFlagIsClaimedOnlyWhenNobodyHoldsIt() {
        Connection c = connection(4);
        assertEquals(Connection.Offer.QUEUED_NEEDS_WRITER, c.offer(event()));
        assertFalse(c.claimWriter(), "a closer must leave the output to the running writer");
        c.poll();
        assertFalse(c.releaseWriter());
        assertTrue(c.claimWriter());
        assertEquals(Connection.Offer.QUEUED, c.offer(event()), "a claimed flag starts no other writer");
    }

    @Test
    void aFullQueueRefusesWithoutBlocking() {
        Connection c = connection(2);
        c.offer(event());
        c.offer(event());
        assertEquals(Connection.Offer.FULL, c.offer(event()));
        c.poll();
        assertEquals(Connection.Offer.QUEUED, c.offer(event()));
    }

    @Test
    void aClosedConnectionTakesNothing() {
        Connection c = connection(2);
        assertTrue(c.markClosed());
        assertFalse(c.markClosed());
        assertEquals(Connection.Offer.CLOSED, c.offer(event()));
    }

    @Test
    void framesComeOutInOrderAndDiscardCountsOnlyEvents() {
        Connection c = connection(8);
        Frame first = event();
        Frame second = event();
        c.offer(first);
        c.offer(second);
        assertSame(first, c.poll());
        assertSame(second, c.poll());
        assertNull(c.poll());
        c.offer(event());
        c.offer(new Frame(Frame.Kind.HEARTBEAT, sse -> null));
        c.offer(event());
        assertEquals(2, c.discardQueued());
        assertNull(c.poll());
    }

    @Test
    void releasingTheWriterHandsOverFramesThatArrivedLate() {
        Connection c = connection(8);
        c.offer(event());
        c.poll();
        // a publisher queued while the writer was about to stop: it saw the writer as busy
        assertEquals(Connection.Offer.QUEUED, c.offer(event()));
        assertTrue(c.releaseWriter(), "the writer must go on for the late frame");
        c.poll();
        assertFalse(c.releaseWriter());
    }

    @Test
    void theGateHoldsLiveEventsAndLetsOnlyThoseAfterTheReplayThrough() {
        Connection c = connection(8);
        Frame connected = new Frame(Frame.Kind.CONTROL, sse -> null);
        c.offer(connected);
        c.gate();
        Frame inReplay = logged(5);
        Frame afterReplay = logged(7);
        c.offer(inReplay);
        c.offer(new Frame(Frame.Kind.HEARTBEAT, sse -> null));
        c.offer(afterReplay);
        Frame replay = Frame.replay(List.of());
        c.offerDirect(replay);
        c.openGate(6);
        assertSame(connected, c.poll());
        assertSame(replay, c.poll());
        assertSame(afterReplay, c.poll(), "held events up to the head were in the replay");
        assertNull(c.poll());
        Frame live = logged(9);
        c.offer(live);
        assertSame(live, c.poll(), "after the gate, frames flow straight through");
    }

    private static Frame logged(long sequence) {
        LoggedEvent event = new LoggedEvent(sequence, "x-" + sequence, dev.ssenotify.notify.entity.SseTarget.all(), null, 0);
        return Frame.event(event, sse -> null);
    }

    /** Many publishers, one writer at a time, nothing lost or written twice. */
    @Test
    void concurrentPublishersNeverLoseAFrame() throws Exception {
        int publishers = 4;
        int perPublisher = 20_000;
        Connection c = connection(publishers * perPublisher);
        AtomicInteger written = new AtomicInteger();
        AtomicInteger activeWriters = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(2);
        ExecutorService pubs = Executors.newFixedThreadPool(publishers);
        Runnable drain = () -> {
            if (activeWriters.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            try {
                do {
                    while (c.poll() != null) {
                        written.incrementAndGet();
                    }
                    activeWriters.decrementAndGet();
                    if (!c.releaseWriter()) {
                        return;
                    }
                    activeWriters.incrementAndGet();
                } while (true);
            } catch (RuntimeException e) {
                activeWriters.decrementAndGet();
                throw e;
            }
        };
        CountDownLatch start = new CountDownLatch(1);
        List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
        for (int p = 0; p < publishers; p++) {
            futures.add(pubs.submit(() -> {
                start.await();
                for (int i = 0; i < perPublisher; i++) {
                    if (c.offer(event()) == Connection.Offer.QUEUED_NEEDS_WRITER) {
                        writers.execute(drain);
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (var f : futures) {
            f.get(30, TimeUnit.SECONDS);
        }
        pubs.shutdown();
        writers.shutdown();
        assertTrue(writers.awaitTermination(30, TimeUnit.SECONDS));
        assertEquals(publishers * perPublisher, written.get());
        assertEquals(0, overlaps.get(), "two writers ran on one connection at once");
    }
}
