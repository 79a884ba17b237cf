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

    private final Supplier<RedisAsyncCommands<String, String>> connection;
    private final ManagedScheduledExecutorService scheduler;
    private final String events;
    private final String cursors;
    private final Consumer<StreamMessage<String, String>> onEvent;
    private final Consumer<StreamMessage<String, String>> onCursor;
    private volatile String eventsFrom = "0-0";
    private volatile String cursorsFrom = "0-0";
    private volatile boolean running = true;
    private volatile boolean healthy = true;

    RedisStreamReader(Supplier<RedisAsyncCommands<String, String>> connection, ManagedScheduledExecutorService scheduler,
                      String events, String cursors,
                      Consumer<StreamMessage<String, String>> onEvent, Consumer<StreamMessage<String, String>> onCursor) {
        this.connection = connection;
        this.scheduler = scheduler;
        this.events = events;
        this.cursors = cursors;
        this.onEvent = onEvent;
        this.onCursor = onCursor;
    }

    void start() {
        readNext();
    }

    void stop() {
        running = false;
    }

    private void readNext() {
        if (!running) {
            return;
        }
        connection.get().xread(XReadArgs.Builder.block(10_000).count(500),
                        XReadArgs.StreamOffset.from(events, eventsFrom), XReadArgs.StreamOffset.from(cursors, cursorsFrom))
                .whenComplete((messages, error) -> {
                    if (error != null) {
                        if (healthy) {
                            LOG.log(Level.WARNING, "Reading the shared streams failed; retrying: {0}", error.toString());
                        }
                        healthy = false;
                        if (running) {
                            scheduler.schedule(this::readNext, 500, TimeUnit.MILLISECONDS);
                        }
                        return;
                    }
                    healthy = true;
                    if (messages != null) {
                        messages.forEach(this::handle);
                    }
                    readNext();
                });
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
