package dev.ssenotify.stream.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssenotify.log.control.Frame;
import dev.ssenotify.log.control.LoggedEvent;
import dev.ssenotify.log.control.WireEvent;
import dev.ssenotify.notify.entity.SseTarget;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class ReplayGateTest {

    private static Frame logged(long sequence) {
        return new LoggedEvent(sequence, "x-" + sequence, SseTarget.all(), null, 0,
                WireEvent.event("e", "x-" + sequence, null, new byte[1]), null).frame();
    }

    @Test
    void anOpenGateHoldsNothingAndAShutOneRefusesPastItsCapacity() {
        ReplayGate gate = new ReplayGate(1);
        assertNull(gate.hold(logged(1)));
        gate.shut();
        assertEquals(Connection.Offer.QUEUED, gate.hold(logged(2)));
        assertEquals(Connection.Offer.FULL, gate.hold(logged(3)));
    }

    @Test
    void openingDropsWhatTheReplayCoveredAndUpkeep() {
        ReplayGate gate = new ReplayGate(8);
        gate.shut();
        gate.hold(logged(5));
        gate.hold(Frame.of(Frame.Kind.HEARTBEAT, WireEvent.comment("heartbeat")));
        gate.hold(logged(7));
        List<Long> queued = new ArrayList<>();
        gate.open(6, frame -> {
            queued.add(frame.sequence());
            return Connection.Offer.QUEUED;
        });
        assertEquals(List.of(7L), queued);
        assertNull(gate.hold(logged(8)), "open: frames go straight to the queue");
    }

    /**
     * The log's head moves as an event's fan-out begins, so the replay can carry an event whose live copy
     * reaches this stream only after the gate opened: that copy is dropped, a later event is not.
     */
    @Test
    void aLiveCopyOfAReplayedEventIsDroppedEvenAfterTheGateOpened() {
        ReplayGate gate = new ReplayGate(8);
        gate.shut();
        gate.open(6, frame -> Connection.Offer.QUEUED);
        assertEquals(Connection.Offer.COVERED, gate.hold(logged(6)));
        assertEquals(Connection.Offer.COVERED, gate.hold(logged(5)));
        assertNull(gate.hold(logged(7)));
        assertNull(gate.hold(Frame.of(Frame.Kind.HEARTBEAT, WireEvent.comment("heartbeat"))), "upkeep goes on");
    }

    /** A live event offered while the held ones are being queued must wait for them, not overtake them. */
    @Test
    void nothingOvertakesTheHeldEventsWhileTheGateOpens() throws Exception {
        ReplayGate gate = new ReplayGate(8);
        gate.shut();
        gate.hold(logged(7));
        List<Long> order = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch queueing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Connection.Offer> opening = CompletableFuture.supplyAsync(() -> gate.open(6, frame -> {
            order.add(frame.sequence());
            queueing.countDown();
            try {
                assertTrue(release.await(10, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Connection.Offer.QUEUED;
        }));
        assertTrue(queueing.await(10, TimeUnit.SECONDS));
        CompletableFuture<Connection.Offer> late = CompletableFuture.supplyAsync(() -> {
            Connection.Offer held = gate.hold(logged(9));
            if (held == null) {
                order.add(9L);
            }
            return held;
        });
        // While the held event is being queued, the late one has to wait for the gate.
        assertThrows(TimeoutException.class, () -> late.get(200, TimeUnit.MILLISECONDS));
        assertFalse(late.isDone());
        release.countDown();
        assertEquals(Connection.Offer.QUEUED, opening.get(10, TimeUnit.SECONDS));
        assertNull(late.get(10, TimeUnit.SECONDS));
        assertEquals(List.of(7L, 9L), order);
    }
}
