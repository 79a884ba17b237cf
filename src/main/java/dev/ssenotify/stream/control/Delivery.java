package dev.ssenotify.stream.control;

import dev.ssenotify.log.control.Frame;
import dev.ssenotify.notify.entity.DisconnectReason;
import dev.ssenotify.offline.control.Inboxes;
import dev.ssenotify.telemetry.control.Telemetry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Queues frames on connections and writes them. Offering never blocks: a full queue (in frames or bytes)
 * means the client does not keep up, and it is disconnected as a slow consumer. At most one writer per
 * connection at a time, so frames reach each client in the order they were offered; a writer never waits
 * for a socket: when the output cannot take more it parks the connection and returns its thread, and the
 * container's callback resumes it on the pool.
 */
@ApplicationScoped
public class Delivery {

    // Frames written between flushes: enough to batch a backlog, few enough to keep latency flat.
    private static final int BATCH = 32;

    @Inject
    ConnectionRegistry registry;
    @Inject
    DeliveryExecutor executor;
    @Inject
    Telemetry telemetry;
    @Inject
    LifecycleEvents lifecycle;
    @Inject
    Inboxes inboxes;

    /** Queues the frame; false if the connection is closed or was just closed for being too slow. */
    public boolean offer(Connection connection, Frame frame) {
        switch (connection.offer(frame)) {
            case QUEUED_NEEDS_WRITER:
                schedule(connection, frame.upkeep() ? DeliveryExecutor.Priority.UPKEEP : DeliveryExecutor.Priority.EVENTS);
                return true;
            case QUEUED, COVERED:
                return true;
            case COALESCED:
                telemetry.coalesced();
                return true;
            case FULL:
                telemetry.dropped(frame.events());
                registry.close(connection, DisconnectReason.SLOW_CONSUMER);
                return false;
            default:
                return false;
        }
    }

    /**
     * Starts writing once the response has started, on the request's thread: what was queued meanwhile
     * (the first frame, the replay) goes first.
     */
    void begin(Connection connection, HttpServletRequest request, HttpServletResponse response) {
        try {
            connection.output().start(request, response, new StreamOutput.Listener() {
                @Override
                public void writable() {
                    if (connection.unpark()) {
                        schedule(connection, DeliveryExecutor.Priority.EVENTS);
                    }
                }

                @Override
                public void failed(Throwable cause) {
                    fail(connection, cause, DisconnectReason.WRITE_FAILED);
                }
            });
        } catch (IOException | RuntimeException e) {
            fail(connection, e, DisconnectReason.WRITE_FAILED);
        }
        if (connection.begin()) {
            schedule(connection, DeliveryExecutor.Priority.EVENTS);
        }
    }

    private void schedule(Connection connection, DeliveryExecutor.Priority priority) {
        executor.runOrInline(() -> write(connection), priority);
    }

    // Runs while holding the connection's output; leaves by parking, releasing, or closing (and keeping it).
    private void write(Connection connection) {
        StreamOutput output = connection.output();
        Frame frame = null;
        int unflushed = 0;
        try {
            while (true) {
                if (connection.isClosed()) {
                    connection.closeHeldOutput();
                    return;
                }
                if (!ready(connection, output)) {
                    return;
                }
                if (unflushed == 0) {
                    connection.drained();
                } else if (unflushed == BATCH) {
                    output.flush();
                    unflushed = 0;
                    continue;
                }
                frame = connection.next();
                if (frame == null) {
                    if (unflushed > 0) {
                        output.flush();
                        unflushed = 0;
                        continue;
                    }
                    if (connection.releaseWriter()) {
                        continue;
                    }
                    return;
                }
                boolean replayed = connection.replaying();
                output.write(frame.wire());
                connection.wrote(frame.size());
                unflushed++;
                written(connection, frame, replayed);
            }
        } catch (IOException | RuntimeException e) {
            fail(connection, e, frame != null && frame.kind() == Frame.Kind.HEARTBEAT
                    ? DisconnectReason.HEARTBEAT_FAILED : DisconnectReason.WRITE_FAILED);
            // Still holding the output: close it here, as the registry's closer could not take it.
            connection.closeHeldOutput();
        }
    }

    /**
     * True if the output takes more now. Else the connection is parked and false returned: the container's
     * callback (or a closer) takes the output next. Parking comes before the second look, so a callback
     * that fires between the two is never missed.
     */
    private static boolean ready(Connection connection, StreamOutput output) {
        if (output.isReady()) {
            return true;
        }
        connection.park();
        if (output.isReady() || connection.isClosed()) {
            return connection.unpark();
        }
        return false;
    }

    private void written(Connection connection, Frame frame, boolean replayed) {
        switch (frame.kind()) {
            case EVENT -> {
                telemetry.sent();
                if (replayed) {
                    telemetry.replayed();
                }
                inboxes.written(frame.logged());
            }
            case HEARTBEAT -> {
                telemetry.heartbeat();
                lifecycle.heartbeat(connection.info());
            }
            default -> { }
        }
    }

    private void fail(Connection connection, Throwable cause, DisconnectReason reason) {
        if (connection.isClosed()) {
            return;
        }
        if (reason == DisconnectReason.WRITE_FAILED) {
            telemetry.failed();
        }
        lifecycle.error(connection.info(), cause);
        registry.close(connection, reason);
    }
}
