package dev.ssenotify.notify.control;

import dev.ssenotify.notify.entity.DisconnectReason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * Queues frames on connections and writes them. Offering never blocks: a full queue means the client does
 * not keep up, and it is disconnected as a slow consumer. At most one writer per connection at a time, so
 * frames reach each client in the order they were offered.
 */
@ApplicationScoped
public class Delivery {

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
    boolean offer(Connection connection, Frame frame) {
        switch (connection.offer(frame)) {
            case QUEUED_NEEDS_WRITER:
                startWriter(connection, frame.upkeep() ? DeliveryExecutor.Priority.UPKEEP : DeliveryExecutor.Priority.EVENTS);
                return true;
            case QUEUED:
                return true;
            case FULL:
                if (frame.kind() == Frame.Kind.EVENT) {
                    telemetry.dropped(1);
                }
                registry.close(connection, DisconnectReason.SLOW_CONSUMER);
                return false;
            default:
                return false;
        }
    }

    /** Hands the connection to a writer thread; the caller must hold the connection's writer flag. */
    void startWriter(Connection connection) {
        startWriter(connection, DeliveryExecutor.Priority.EVENTS);
    }

    private void startWriter(Connection connection, DeliveryExecutor.Priority priority) {
        executor.runOrInline(() -> write(connection), priority);
    }

    private void write(Connection connection) {
        do {
            Frame frame;
            while ((frame = connection.poll()) != null) {
                if (connection.isClosed()) {
                    connection.discardQueued();
                    connection.output().close();
                    return;
                }
                writeOne(connection, frame);
            }
        } while (connection.releaseWriter());
        // Closed while this writer held the flag, the closer left the output to it (ConnectionRegistry.close).
        if (connection.isClosed() && connection.claimWriter()) {
            connection.output().close();
        }
    }

    private void writeOne(Connection connection, Frame frame) {
        if (frame.kind() == Frame.Kind.REPLAY) {
            for (LoggedEvent event : frame.replayed()) {
                if (connection.isClosed() || !writeOne(connection, event.frame(), true)) {
                    return;
                }
            }
            return;
        }
        writeOne(connection, frame, false);
    }

    private boolean writeOne(Connection connection, Frame frame, boolean replayed) {
        try {
            connection.output().write(frame);
            connection.wrote();
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
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed(connection, frame, e);
        } catch (ExecutionException e) {
            failed(connection, frame, e.getCause());
        } catch (IOException | TimeoutException | RuntimeException e) {
            failed(connection, frame, e);
        }
        return false;
    }

    private void failed(Connection connection, Frame frame, Throwable cause) {
        boolean heartbeat = frame.kind() == Frame.Kind.HEARTBEAT;
        if (!heartbeat) {
            telemetry.failed();
        }
        if (!connection.isClosed()) {
            lifecycle.error(connection.info(), cause);
        }
        registry.close(connection, heartbeat ? DisconnectReason.HEARTBEAT_FAILED : DisconnectReason.WRITE_FAILED);
    }
}
