package dev.ssenotify.cluster.control;

import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.async.RedisAsyncCommands;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads the events stream and the cursors stream from their start, in batches, with one blocking read at a
 * time, and hands every entry over in stream order. A failed read is retried; an entry that cannot be
 * handled is logged and passed, so that it can never stall the read.
 */
final class RedisStreamReader {

    private static final Logger LOG = Logger.getLogger("dev.ssenotify.cluster");
    private static final int BATCH = 500;

    private final Supplier<RedisAsyncCommands<String, String>> connection;
    private final ManagedScheduledExecutorService scheduler;
    private final String events;
    private final String cursors;
    private final Consumer<StreamMessage<String, String>> onEvent;
    private final Consumer<StreamMessage<String, String>> onCursor;
    private volatile String eventsFrom = "0-0";
    private volatile String cursorsFrom = "0-0";
    private final long blockMillis;
    private volatile boolean running = true;
    // Set by a read that found nothing more to take; cleared by a failed one: the instance is ready only
    // once it has caught up with what Redis holds.
    private volatile boolean caughtUp;
    private volatile boolean warned;

    RedisStreamReader(Supplier<RedisAsyncCommands<String, String>> connection, ManagedScheduledExecutorService scheduler,
                      String events, String cursors, long blockMillis,
                      Consumer<StreamMessage<String, String>> onEvent, Consumer<StreamMessage<String, String>> onCursor) {
        this.connection = connection;
        this.blockMillis = blockMillis;
        this.scheduler = scheduler;
        this.events = events;
        this.cursors = cursors;
        this.onEvent = onEvent;
        this.onCursor = onCursor;
    }

    /**
     * Starts reading on the scheduler's thread, never the caller's: the caller may be the application's
     * initialization, and connecting from there deadlocks on Open Liberty (the connection's threads wait
     * for the initialization to end).
     */
    void start() {
        scheduler.execute(this::readNext);
    }

    /** True once a read has taken everything Redis held, until a read fails. */
    boolean caughtUp() {
        return caughtUp;
    }

    void stop() {
        running = false;
    }

    private void readNext() {
        if (!running) {
            return;
        }
        RedisAsyncCommands<String, String> commands;
        try {
            commands = connection.get();
        } catch (RuntimeException e) {
            failed(e);
            return;
        }
        commands.xread(XReadArgs.Builder.block(blockMillis).count(BATCH),
                        XReadArgs.StreamOffset.from(events, eventsFrom), XReadArgs.StreamOffset.from(cursors, cursorsFrom))
                .whenComplete((messages, error) -> {
                    if (error != null) {
                        failed(error);
                        return;
                    }
                    if (warned) {
                        LOG.info("Reading the shared streams again");
                        warned = false;
                    }
                    if (messages != null) {
                        messages.forEach(this::handle);
                    }
                    caughtUp = messages == null || messages.size() < BATCH;
                    readNext();
                });
    }

    private void failed(Throwable error) {
        caughtUp = false;
        if (!warned) {
            warned = true;
            LOG.log(Level.WARNING, "Cannot read the shared streams; retrying: {0}", error.toString());
        }
        if (running) {
            scheduler.schedule(this::readNext, 500, TimeUnit.MILLISECONDS);
        }
    }

    private void handle(StreamMessage<String, String> message) {
        boolean cursor = cursors.equals(message.getStream());
        try {
            (cursor ? onCursor : onEvent).accept(message);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Skipping stream entry " + message.getId() + " that could not be handled", e);
        } finally {
            if (cursor) {
                cursorsFrom = message.getId();
            } else {
                eventsFrom = message.getId();
            }
        }
    }
}
