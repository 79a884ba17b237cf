package dev.ssenotify.stream.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssenotify.log.control.Frame;
import dev.ssenotify.log.control.LoggedEvent;
import dev.ssenotify.log.control.WireEvent;
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

    private static final WireEvent SMALL = WireEvent.event("e", null, null, new byte[10]);

    private static Connection connection(int capacity) {
        return connection(capacity, 1 << 20);
    }

    private static Connection connection(int capacity, long maxBytes) {
        Connection c = new Connection(new ClientInfo("c1", "alice", null, Instant.now()), null, null, capacity, maxBytes);
        assertTrue(c.begin());
        assertFalse(c.releaseWriter());
        return c;
    }

    private static Frame event() {
        return logged(1);
    }

    private static Frame heartbeat() {
        return Frame.of(Frame.Kind.HEARTBEAT, WireEvent.comment("heartbeat"));
    }

    @Test
    void firstOfferClaimsTheWriterAndLaterOnesDoNot() {
        Connection c = connection(4);
        assertEquals(Connection.Offer.QUEUED_NEEDS_WRITER, c.offer(event()));
        assertEquals(Connection.Offer.QUEUED, c.offer(event()));
    }

    @Test
    void theOutputIsClaimedOnlyWhenNobodyWritesToIt() {
        Connection c = connection(4);
        assertEquals(Connection.Offer.QUEUED_NEEDS_WRITER, c.offer(event()));
        assertFalse(c.claimForClose(), "a closer must leave the output to the running writer");
        c.next();
        assertFalse(c.releaseWriter());
        assertTrue(c.claimForClose());
        assertEquals(Connection.Offer.QUEUED, c.offer(event()), "a claimed output starts no other writer");
    }

    @Test
    void nothingIsWrittenBeforeTheResponseHasStarted() {
        Connection c = new Connection(new ClientInfo("c1", null, null, Instant.now()), null, null, 4, 1 << 20);
        assertEquals(Connection.Offer.QUEUED, c.offer(event()), "no writer before begin");
        assertTrue(c.begin());
        assertFalse(c.begin());
    }

    @Test
    void aParkedWriterIsResumedOnceByWhoeverComesFirst() {
        Connection c = connection(4);
        c.offer(event());
        c.park();
        assertTrue(c.nanosParked() >= 0);
        assertEquals(Connection.Offer.QUEUED, c.offer(event()), "a parked writer still holds the output");
        assertTrue(c.unpark());
        assertFalse(c.unpark(), "the container's callback and a closer cannot both take it");
        assertEquals(0, c.nanosParked());
        c.park();
        assertTrue(c.claimForClose(), "a closer takes the output from a parked writer");
        assertFalse(c.unpark());
    }

    @Test
    void bytesWaitingAndInFlightAreBounded() {
        int size = logged(1).size();
        Connection c = connection(100, 3L * size);
        c.offer(logged(1));
        c.offer(logged(2));
        c.offer(logged(3));
        assertEquals(3L * size, c.bufferedBytes());
        assertEquals(Connection.Offer.FULL, c.offer(logged(4)), "past the byte budget");
        Frame written = c.next();
        c.wrote(written.size());
        assertEquals(3L * size, c.bufferedBytes(), "written but not taken by the socket still counts");
        assertEquals(Connection.Offer.FULL, c.offer(logged(4)));
        c.drained();
        assertEquals(Connection.Offer.QUEUED, c.offer(logged(4)));
    }

    @Test
    void aReplayIsHandedOutEventByEventAndPinsNothingWhileQueued() {
        Connection c = connection(8, 1024);
        Frame replay = Frame.replay(List.of(logged(1).logged(), logged(2).logged()));
        c.offerDirect(replay);
        assertEquals(0, c.bufferedBytes());
        assertEquals(1, c.next().sequence());
        assertTrue(c.replaying());
        assertEquals(2, c.next().sequence());
        assertNull(c.next());
        assertFalse(c.replaying());
    }

    @Test
    void aFullQueueRefusesWithoutBlocking() {
        Connection c = connection(2);
        c.offer(event());
        c.offer(event());
        assertEquals(Connection.Offer.FULL, c.offer(event()));
        c.next();
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
        assertSame(first, c.next());
        assertSame(second, c.next());
        assertNull(c.next());
        c.offer(event());
        c.offer(heartbeat());
        c.offer(event());
        assertEquals(2, c.discardQueued());
        assertNull(c.next());
        assertEquals(0, c.bufferedBytes());
    }

    @Test
    void releasingTheWriterHandsOverFramesThatArrivedLate() {
        Connection c = connection(8);
        c.offer(event());
        c.next();
        // a publisher queued while the writer was about to stop: it saw the writer as busy
        assertEquals(Connection.Offer.QUEUED, c.offer(event()));
        assertTrue(c.releaseWriter(), "the writer must go on for the late frame");
        c.next();
        assertFalse(c.releaseWriter());
    }

    @Test
    void theGateHoldsLiveEventsAndLetsOnlyThoseAfterTheReplayThrough() {
        Connection c = connection(8);
        c.gate();
        Frame connected = Frame.of(Frame.Kind.CONTROL, SMALL);
        c.offerDirect(connected);
        Frame inReplay = logged(5);
        Frame afterReplay = logged(7);
        c.offer(inReplay);
        c.offer(heartbeat());
        c.offer(afterReplay);
        Frame replay = Frame.replay(List.of());
        c.offerDirect(replay);
        c.openGate(6);
        assertSame(connected, c.next());
        assertSame(afterReplay, c.next(), "held events up to the head were in the replay (empty here)");
        assertNull(c.next());
        Frame live = logged(9);
        c.offer(live);
        assertSame(live, c.next(), "after the gate, frames flow straight through");
    }

    private static Frame progress(long sequence, String key) {
        return new LoggedEvent(sequence, "x-" + sequence, dev.ssenotify.notify.entity.SseTarget.all(), null, 0, SMALL, key)
                .frame();
    }

    @Test
    void aLaggingConnectionWritesOnlyTheNewestOfEachCoalesceKey() {
        Connection c = connection(100);
        c.offer(progress(1, "upload-1"));
        c.offer(logged(2));
        assertEquals(Connection.Offer.COALESCED, c.offer(progress(3, "upload-1")));
        c.offer(progress(4, "upload-2"));
        assertEquals(Connection.Offer.COALESCED, c.offer(progress(5, "upload-1")));
        assertEquals(3L * SMALL.wire().length, c.bufferedBytes(), "a replaced frame gives its bytes back");
        // The newest upload-1 keeps the first one's place; the others come in order.
        assertEquals(5, c.next().sequence());
        assertEquals(2, c.next().sequence());
        assertEquals(4, c.next().sequence());
        // Once written, a frame is final: the next one with the key queues anew.
        assertEquals(Connection.Offer.QUEUED, c.offer(progress(6, "upload-1")));
        assertEquals(6, c.next().sequence());
        assertNull(c.next());
    }

    private static Frame logged(long sequence) {
        return new LoggedEvent(sequence, "x-" + sequence, dev.ssenotify.notify.entity.SseTarget.all(), null, 0, SMALL, null)
                .frame();
    }

    /** Many publishers, one writer at a time, nothing lost or written twice. */
    @Test
    void concurrentPublishersNeverLoseAFrame() throws Exception {
        int publishers = 4;
        int perPublisher = 20_000;
        Connection c = connection(publishers * perPublisher, Long.MAX_VALUE / 2);
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
                    while (c.next() != null) {
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
