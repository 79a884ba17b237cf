package dev.ssenotify.stream.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssenotify.log.control.Frame;
import dev.ssenotify.log.control.LoggedEvent;
import dev.ssenotify.log.control.WireEvent;
import dev.ssenotify.notify.entity.ClientInfo;
import dev.ssenotify.notify.entity.DisconnectReason;
import dev.ssenotify.notify.entity.SseTarget;
import dev.ssenotify.offline.control.Inboxes;
import dev.ssenotify.telemetry.control.Telemetry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The non-blocking writer, with an output that fills up like a socket whose client stops reading. */
class DeliveryTest {

    /** Takes {@code room} frames, then says it is full until the test drains it. */
    static final class FillingOutput implements StreamOutput {
        final List<String> written = new ArrayList<>();
        Listener listener;
        int room = Integer.MAX_VALUE;
        int flushes;
        int closes;
        boolean failNextWrite;

        @Override
        public void start(HttpServletRequest request, HttpServletResponse response, Listener listener) {
            this.listener = listener;
        }

        @Override
        public boolean isReady() {
            return room > 0;
        }

        @Override
        public void write(WireEvent event) throws IOException {
            if (room <= 0) {
                throw new IllegalStateException("written while not ready");
            }
            if (failNextWrite) {
                throw new IOException("broken pipe");
            }
            room--;
            written.add(new String(event.wire(), StandardCharsets.UTF_8));
        }

        @Override
        public void flush() {
            flushes++;
        }

        @Override
        public boolean isClosed() {
            return closes > 0;
        }

        @Override
        public void close() {
            closes++;
        }

        /** The socket drained: room again, and the container calls back. */
        void drain(int frames) {
            room = frames;
            listener.writable();
        }
    }

    /** Runs tasks when the test says so, like a pool that is busy elsewhere. */
    static final class ManualExecutor extends DeliveryExecutor {
        final Deque<Runnable> tasks = new ArrayDeque<>();

        @Override
        void runOrInline(Runnable task, Priority priority) {
            tasks.add(task);
        }

        void runAll() {
            Runnable task;
            while ((task = tasks.poll()) != null) {
                task.run();
            }
        }
    }

    final List<DisconnectReason> closed = new ArrayList<>();
    final ManualExecutor executor = new ManualExecutor();
    final FillingOutput output = new FillingOutput();
    Delivery delivery;
    Connection connection;

    @BeforeEach
    void setUp() {
        delivery = new Delivery();
        delivery.executor = executor;
        delivery.telemetry = new Telemetry() {
            @Override
            public void sent() {
            }

            @Override
            public void replayed() {
            }

            @Override
            public void heartbeat() {
            }

            @Override
            public void dropped(int count) {
            }

            @Override
            public void failed() {
            }
        };
        delivery.lifecycle = new LifecycleEvents() {
            @Override
            void error(ClientInfo client, Throwable error) {
            }

            @Override
            void heartbeat(ClientInfo client) {
            }
        };
        delivery.inboxes = new Inboxes() {
            @Override
            public void written(LoggedEvent event) {
            }
        };
        delivery.registry = new ConnectionRegistry() {
            @Override
            public void close(Connection c, DisconnectReason reason) {
                if (c.markClosed()) {
                    closed.add(reason);
                    c.discardQueued();
                    if (c.claimForClose()) {
                        DeliveryTest.this.executor.runOrInline(() -> c.output().close(), DeliveryExecutor.Priority.UPKEEP);
                    }
                }
            }
        };
        connection = new Connection(new ClientInfo("c1", "alice", null, Instant.now()), null, output, 1000, 1 << 20);
    }

    private static Frame event(long sequence) {
        return new LoggedEvent(sequence, "e-" + sequence, SseTarget.all(), null, 0,
                WireEvent.event("n", "e-" + sequence, null, ("" + sequence).getBytes(StandardCharsets.UTF_8)), null).frame();
    }

    @Test
    void nothingIsWrittenBeforeTheResponseHasStartedThenEverythingInOrder() {
        delivery.offer(connection, event(1));
        executor.runAll();
        assertTrue(output.written.isEmpty());
        delivery.begin(connection, null, null);
        delivery.offer(connection, event(2));
        executor.runAll();
        assertEquals(List.of("event: n\nid: e-1\ndata: 1\n\n", "event: n\nid: e-2\ndata: 2\n\n"), output.written);
        assertTrue(output.flushes >= 1);
    }

    @Test
    void aFullSocketParksTheConnectionAndFreesTheThreadUntilTheContainerCallsBack() {
        delivery.begin(connection, null, null);
        executor.runAll();
        output.room = 2;
        for (int i = 1; i <= 5; i++) {
            delivery.offer(connection, event(i));
        }
        executor.runAll();
        assertEquals(2, output.written.size(), "written while the socket took them, then parked");
        assertTrue(executor.tasks.isEmpty(), "no thread waits on the full socket");
        assertTrue(connection.nanosParked() > 0 || connection.bufferedBytes() > 0);
        output.drain(10);
        executor.runAll();
        assertEquals(5, output.written.size());
        assertTrue(output.written.get(4).contains("id: e-5"));
        assertEquals(0, connection.nanosParked());
    }

    @Test
    void aConnectionClosedWhileParkedHasItsOutputClosedOnceByTheCloser() {
        delivery.begin(connection, null, null);
        executor.runAll();
        output.room = 0;
        delivery.offer(connection, event(1));
        executor.runAll();
        delivery.registry.close(connection, DisconnectReason.SLOW_CONSUMER);
        executor.runAll();
        assertEquals(1, output.closes);
        output.drain(10);
        executor.runAll();
        assertEquals(1, output.closes, "the late callback finds the output taken");
        assertTrue(output.written.isEmpty());
        assertEquals(List.of(DisconnectReason.SLOW_CONSUMER), closed);
    }

    @Test
    void aReplayIsWrittenEventByEventAcrossParks() {
        // Queued before the response starts, as a new stream's replay is.
        connection.offerDirect(Frame.replay(List.of(event(1).logged(), event(2).logged(), event(3).logged())));
        delivery.offer(connection, event(4));
        output.room = 1;
        delivery.begin(connection, null, null);
        executor.runAll();
        assertEquals(1, output.written.size());
        output.drain(1);
        executor.runAll();
        output.drain(10);
        executor.runAll();
        assertEquals(4, output.written.size());
        for (int i = 0; i < 4; i++) {
            assertTrue(output.written.get(i).contains("id: e-" + (i + 1)), output.written.toString());
        }
    }

    @Test
    void pastItsByteBudgetAClientIsClosedAsASlowConsumer() {
        connection = new Connection(new ClientInfo("c2", null, null, Instant.now()), null, output, 1000,
                3L * event(1).size());
        delivery.begin(connection, null, null);
        executor.runAll();
        output.room = 0;
        for (int i = 1; i <= 3; i++) {
            assertTrue(delivery.offer(connection, event(i)));
        }
        assertFalse(delivery.offer(connection, event(4)));
        assertEquals(List.of(DisconnectReason.SLOW_CONSUMER), closed);
        executor.runAll();
        assertEquals(1, output.closes);
    }

    @Test
    void aFailedWriteClosesTheConnectionAndItsOutput() {
        delivery.begin(connection, null, null);
        executor.runAll();
        output.failNextWrite = true;
        delivery.offer(connection, event(1));
        executor.runAll();
        assertEquals(List.of(DisconnectReason.WRITE_FAILED), closed);
        assertEquals(1, output.closes);
    }
}
