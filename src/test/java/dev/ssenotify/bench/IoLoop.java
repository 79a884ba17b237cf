package dev.ssenotify.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** One selector thread serving thousands of streams; other threads hand it work through {@link #execute}. */
final class IoLoop implements AutoCloseable {

    private final Selector selector;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    // Shared by all streams of this loop: a read is fully parsed before the next one.
    private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    private final Thread thread;
    private volatile boolean running = true;

    IoLoop(String name) {
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    Selector selector() {
        return selector;
    }

    void execute(Runnable task) {
        tasks.add(task);
        selector.wakeup();
    }

    private void run() {
        while (running) {
            try {
                selector.select(100);
                for (Runnable task; (task = tasks.poll()) != null; ) {
                    task.run();
                }
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    if (key.isValid()) {
                        ((StreamConnection) key.attachment()).handle(key, buffer);
                    }
                }
            } catch (IOException | RuntimeException e) {
                System.err.println("bench: I/O loop " + thread.getName() + ": " + e);
            }
        }
    }

    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            thread.join(5000);
            selector.close();
        } catch (IOException e) {
            // the selector's channels are closed by then
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
