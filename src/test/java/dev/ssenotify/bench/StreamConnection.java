package dev.ssenotify.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;

/**
 * One event stream as a state machine driven by its {@link IoLoop}: connect, send the request, read the head,
 * then decode the body and count rounds. Only the loop's thread touches it after {@link #start}.
 */
final class StreamConnection {

    interface Listener {
        void ready(StreamConnection connection, long nanos);

        void failed(StreamConnection connection, String reason);

        void closed(StreamConnection connection);
    }

    private final int index;
    private final StreamSpec spec;
    private final DeliveryLedger ledger;
    private final Listener listener;
    private final ConnectionTally tally = new ConnectionTally();
    private final SseEventParser parser = new SseEventParser(this::onEvent);
    private final ByteBuffer request;
    private ResponseHeadParser headParser = new ResponseHeadParser();
    private BodyDecoder body;
    private SocketChannel channel;
    private SelectionKey key;
    private volatile boolean ready;
    private boolean paused;
    private boolean dropNext;
    private volatile boolean open;
    private long readNanos;
    private long otherEvents;

    StreamConnection(int index, StreamSpec spec, byte[] request, DeliveryLedger ledger, Listener listener) {
        this.index = index;
        this.spec = spec;
        this.request = ByteBuffer.wrap(request);
        this.ledger = ledger;
        this.listener = listener;
    }

    int index() {
        return index;
    }

    ConnectionTally tally() {
        return tally;
    }

    boolean ready() {
        return ready;
    }

    boolean open() {
        return open;
    }

    long otherEvents() {
        return otherEvents;
    }

    /** Test hook: the next round received is thrown away, as if the network had lost it. */
    void dropNextRound() {
        dropNext = true;
    }

    void start(Selector selector, InetAddress source, int receiveBuffer) {
        try {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            // Sockets of earlier runs linger in TIME_WAIT; without this their ports cannot be bound again.
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            if (receiveBuffer > 0) {
                channel.setOption(StandardSocketOptions.SO_RCVBUF, receiveBuffer);
            }
            if (source != null) {
                channel.bind(new InetSocketAddress(source, 0));
            }
            open = true;
            if (channel.connect(spec.address())) {
                key = channel.register(selector, SelectionKey.OP_WRITE, this);
            } else {
                key = channel.register(selector, SelectionKey.OP_CONNECT, this);
            }
        } catch (IOException | RuntimeException e) {
            fail("connect: " + e);
        }
    }

    void handle(SelectionKey selected, ByteBuffer buffer) {
        try {
            if (selected.isConnectable() && channel.finishConnect()) {
                key.interestOps(SelectionKey.OP_WRITE);
            }
            if (selected.isValid() && selected.isWritable()) {
                channel.write(request);
                if (!request.hasRemaining()) {
                    key.interestOps(paused ? 0 : SelectionKey.OP_READ);
                }
            }
            if (selected.isValid() && selected.isReadable()) {
                read(buffer);
            }
        } catch (IOException | RuntimeException e) {
            fail(ready ? "stream: " + e : "open: " + e);
        }
    }

    /** Stops reading, so the server's writes pile up in the socket buffers: a slow consumer. */
    void pause() {
        paused = true;
        if (key != null && key.isValid() && !request.hasRemaining()) {
            key.interestOps(0);
        }
    }

    void close() {
        if (!open) {
            return;
        }
        open = false;
        try {
            if (key != null) {
                key.cancel();
            }
            if (channel != null) {
                // Reset instead of FIN: thousands of client sockets in TIME_WAIT would block the next run's ports.
                channel.setOption(StandardSocketOptions.SO_LINGER, 0);
                channel.close();
            }
        } catch (IOException e) {
            // closing anyway
        }
    }

    private void read(ByteBuffer buffer) throws IOException {
        buffer.clear();
        int n = channel.read(buffer);
        if (n < 0) {
            close();
            listener.closed(this);
            return;
        }
        readNanos = System.nanoTime();
        buffer.flip();
        if (body == null) {
            ResponseHead head = headParser.parse(buffer);
            if (head == null) {
                return;
            }
            headParser = null;
            if (head.status() != 200) {
                fail("HTTP " + head.status());
                return;
            }
            body = head.chunked() ? new ChunkedDecoder() : BodyDecoder.identity();
            if (spec.readyEvent() == null) {
                markReady();
            }
        }
        body.decode(buffer, parser::feed);
        if (body.finished()) {
            close();
            listener.closed(this);
        }
    }

    private void onEvent(SseEvent event) {
        if (!ready && event.event().equals(spec.readyEvent())) {
            markReady();
            return;
        }
        int wire = spec.rounds().round(event);
        if (wire == RoundExtractor.NONE || ledger == null) {
            otherEvents++;
            return;
        }
        int round = ledger.index(wire);
        if (round < 0) {
            return;
        }
        if (dropNext) {
            dropNext = false;
            ledger.dropped(round);
            return;
        }
        if (tally.receive(round)) {
            ledger.delivered(round, readNanos);
        }
    }

    private void markReady() {
        ready = true;
        listener.ready(this, readNanos);
    }

    private void fail(String reason) {
        boolean wasOpen = open;
        close();
        if (wasOpen) {
            listener.failed(this, reason);
        }
    }
}
