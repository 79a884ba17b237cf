package dev.ssenotify.bench;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Opens many streams over a few I/O loops, spreading them over loopback source addresses so that more than
 * one ephemeral port range is available, and keeps a bounded number of handshakes in flight.
 */
final class StreamPool implements AutoCloseable {

    private final List<IoLoop> loops = new ArrayList<>();
    private final List<InetAddress> sources;
    private final int maxPending;
    private final List<StreamConnection> connections = new ArrayList<>();
    private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    private final AtomicInteger ready = new AtomicInteger();
    private final AtomicInteger closedByServer = new AtomicInteger();
    private Semaphore pending;
    private CountDownLatch settled;
    private boolean closed;

    StreamPool(int threads, List<InetAddress> sources, int maxPending) {
        for (int i = 0; i < threads; i++) {
            loops.add(new IoLoop("bench-io-" + i));
        }
        this.sources = List.copyOf(sources);
        this.maxPending = maxPending;
    }

    /**
     * Opens {@code count} streams and waits until each one is ready or failed; returns the ready ones.
     *
     * @param receiveBuffer SO_RCVBUF for these sockets, 0 for the system default
     */
    List<StreamConnection> open(int count, StreamSpec spec, DeliveryLedger ledger, int receiveBuffer,
            Duration timeout) throws InterruptedException {
        pending = new Semaphore(maxPending);
        settled = new CountDownLatch(count);
        byte[] request = spec.request();
        List<StreamConnection> batch = new ArrayList<>(count);
        long deadline = System.nanoTime() + timeout.toNanos();
        Listener listener = new Listener();
        for (int i = 0; i < count; i++) {
            if (!pending.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                break;
            }
            StreamConnection c = new StreamConnection(connections.size(), spec, request, ledger, listener);
            connections.add(c);
            batch.add(c);
            InetAddress source = sources.isEmpty() ? null : sources.get(c.index() % sources.size());
            loops.get(c.index() % loops.size()).execute(() -> c.start(loopOf(c).selector(), source, receiveBuffer));
        }
        settled.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        List<StreamConnection> open = new ArrayList<>();
        for (StreamConnection c : batch) {
            if (c.open() && c.ready()) {
                open.add(c);
            }
        }
        return open;
    }

    /** Runs {@code action} on the connection's own I/O thread. */
    void onLoop(StreamConnection c, Runnable action) {
        loopOf(c).execute(action);
    }

    int ready() {
        return ready.get();
    }

    int closedByServer() {
        return closedByServer.get();
    }

    /** Failure reasons with their counts, e.g. {"open: java.net.ConnectException: ...": 3}. */
    Map<String, Long> failures() {
        Map<String, Long> copy = new TreeMap<>();
        failures.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }

    long failureCount() {
        return failures.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Closes every stream and stops the loops; later calls do nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        CountDownLatch done = new CountDownLatch(loops.size());
        for (int i = 0; i < loops.size(); i++) {
            int loop = i;
            loops.get(i).execute(() -> {
                for (int c = loop; c < connections.size(); c += loops.size()) {
                    connections.get(c).close();
                }
                done.countDown();
            });
        }
        try {
            done.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        loops.forEach(IoLoop::close);
    }

    private IoLoop loopOf(StreamConnection c) {
        return loops.get(c.index() % loops.size());
    }

    private void settleIfOpening(StreamConnection connection) {
        if (!connection.ready()) {
            pending.release();
            settled.countDown();
        }
    }

    private final class Listener implements StreamConnection.Listener {
        @Override
        public void ready(StreamConnection connection, long nanos) {
            ready.incrementAndGet();
            pending.release();
            settled.countDown();
        }

        @Override
        public void failed(StreamConnection connection, String reason) {
            // The exception text carries the address; the reason alone groups the failures.
            failures.computeIfAbsent(reason.replaceAll("\\d+\\.\\d+\\.\\d+\\.\\d+:\\d+", "<addr>"),
                    k -> new LongAdder()).increment();
            settleIfOpening(connection);
        }

        @Override
        public void closed(StreamConnection connection) {
            closedByServer.incrementAndGet();
            settleIfOpening(connection);
        }
    }
}
