package dev.ssenotify.stream.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssenotify.log.control.Frame;
import dev.ssenotify.log.control.LoggedEvent;
import dev.ssenotify.log.control.WireEvent;
import dev.ssenotify.notify.entity.SseTarget;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A connection's waiting frames on their own: the bounds, coalescing, replays, and the bytes they pin. */
class FrameQueueTest {

    private static final WireEvent SMALL = WireEvent.event("e", null, null, new byte[10]);

    private static Frame event(long sequence) {
        return event(sequence, null);
    }

    private static Frame event(long sequence, String coalesceKey) {
        return new LoggedEvent(sequence, "x-" + sequence, SseTarget.all(), null, 0, SMALL, coalesceKey).frame();
    }

    @Test
    void boundedInFramesAndGivesTheSlotBackWhenTaken() {
        FrameQueue queue = new FrameQueue(2, 1 << 20);
        assertEquals(Connection.Offer.QUEUED, queue.add(event(1)));
        assertEquals(Connection.Offer.QUEUED, queue.add(event(2)));
        assertEquals(Connection.Offer.FULL, queue.add(event(3)));
        assertEquals(1, queue.next().sequence());
        assertEquals(Connection.Offer.QUEUED, queue.add(event(3)));
        assertEquals(2, queue.next().sequence());
        assertEquals(3, queue.next().sequence());
        assertNull(queue.next());
        assertTrue(queue.isEmpty());
    }

    @Test
    void bytesHandedOnCountUntilTheOutputHasTakenThem() {
        int size = event(1).size();
        FrameQueue queue = new FrameQueue(100, 2L * size);
        queue.add(event(1));
        queue.add(event(2));
        assertEquals(Connection.Offer.FULL, queue.add(event(3)), "past the byte budget");
        queue.handedOn(queue.next().size());
        assertEquals(2L * size, queue.bufferedBytes(), "handed on, not yet taken by the socket");
        assertEquals(Connection.Offer.FULL, queue.add(event(3)), "a refused frame counts nothing");
        queue.drained();
        assertEquals(size, queue.bufferedBytes());
        assertEquals(Connection.Offer.QUEUED, queue.add(event(3)));
    }

    @Test
    void aWaitingFrameIsReplacedByTheNewestWithItsKeyUntilTaken() {
        FrameQueue queue = new FrameQueue(1, 1 << 20);
        queue.add(event(1, "upload"));
        assertEquals(Connection.Offer.COALESCED, queue.add(event(2, "upload")), "replacing needs no room");
        assertEquals(SMALL.wire().length, queue.bufferedBytes());
        assertEquals(2, queue.next().sequence());
        assertEquals(Connection.Offer.QUEUED, queue.add(event(3, "upload")), "a taken frame is final");
        assertEquals(3, queue.next().sequence());
    }

    @Test
    void aReplayIsHandedOutEventByEvent() {
        FrameQueue queue = new FrameQueue(4, 1 << 20);
        queue.add(Frame.replay(List.of(event(1).logged(), event(2).logged())));
        queue.add(event(3));
        assertFalse(queue.replaying());
        assertEquals(1, queue.next().sequence());
        assertTrue(queue.replaying());
        assertEquals(2, queue.next().sequence());
        assertEquals(3, queue.next().sequence());
        assertFalse(queue.replaying());
    }

    @Test
    void discardEmptiesTheQueueAndCountsOnlyEvents() {
        FrameQueue queue = new FrameQueue(4, 1 << 20);
        queue.add(event(1));
        queue.add(Frame.of(Frame.Kind.HEARTBEAT, WireEvent.comment("heartbeat")));
        queue.add(event(2, "upload"));
        assertEquals(2, queue.discard());
        assertEquals(0, queue.bufferedBytes());
        assertNull(queue.next());
        assertEquals(Connection.Offer.QUEUED, queue.add(event(3)), "discarded frames gave their slots back");
    }
}
