package dev.ssenotify.stream.control;

import dev.ssenotify.log.control.WireEvent;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.sse.SseEventSink;
import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Every frame through the JAX-RS sink ({@code sse.dispatch.direct=false}), for a runtime where the servlet
 * stream cannot be written beneath the sink. Its writes block: a client that stops reading holds a writer
 * thread until the runtime's own write timeout, and the bytes the runtime buffers are not bounded here.
 */
final class SinkStreamOutput implements StreamOutput {

    private final SseEventSink sink;
    private final long sendTimeoutMillis;

    SinkStreamOutput(SseEventSink sink, long sendTimeoutMillis) {
        this.sink = sink;
        this.sendTimeoutMillis = sendTimeoutMillis;
    }

    @Override
    public void start(HttpServletRequest request, HttpServletResponse response, Listener listener) {
        // blocking: never parks, so never calls back
    }

    @Override
    public boolean isReady() {
        return true;
    }

    @Override
    public void write(WireEvent event) throws IOException {
        try {
            sink.send(event).toCompletableFuture().get(sendTimeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while sending", e);
        } catch (ExecutionException e) {
            throw new IOException("send failed", e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("send took longer than sse.client.write-timeout", e);
        } catch (IllegalStateException e) {
            throw new IOException("the sink is closed", e);
        }
    }

    @Override
    public void flush() {
        // the sink flushes every event
    }

    @Override
    public boolean isClosed() {
        return sink.isClosed();
    }

    @Override
    public void close() {
        try {
            sink.close();
        } catch (RuntimeException e) {
            // the stream is gone either way
        }
    }
}
