package dev.ssenotify.notify.control;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Where one stream's frames go. Frames go through the JAX-RS sink, which starts the response (status,
 * headers, the request's async mode), until the sink has written one on the writer's own thread (see
 * {@link SinkWrites}). After that, if the servlet stream beneath the sink is known, frames go straight to
 * it as their prepared bytes: the sink's path (its queue, the request scope, the writer lookup) cost a
 * broadcast about a quarter of the server's CPU, and its queue nodes kept G1 busy (profiled; see the
 * README).
 * <p>
 * Only the connection's writer, the holder of its writer flag, calls {@link #write} and {@link #close}.
 * That matters: once the sink is closed the container recycles the response, and a write to its stale
 * stream could land in another request's response.
 */
final class StreamOutput {

    // Jersey completes a send before returning; this bound only matters for runtimes that write later.
    private static final long SEND_TIMEOUT_SECONDS = 60;

    private final SseEventSink sink;
    private final Sse sse;
    private final OutputStream direct;
    // Read and written only under the writer flag, whose atomic hand-over orders successive writers.
    private boolean started;

    /** {@code direct}, the servlet stream beneath the sink, may be null: every frame then takes the sink. */
    StreamOutput(SseEventSink sink, Sse sse, OutputStream direct) {
        this.sink = sink;
        this.sse = sse;
        this.direct = direct;
    }

    /** Writes and flushes one frame; returns when it is handed to the socket. */
    void write(Frame frame) throws IOException, ExecutionException, InterruptedException, TimeoutException {
        OutboundSseEvent event = frame.outbound(sse);
        if (started && direct != null && event instanceof WireEvent wire) {
            direct.write(wire.wire());
            direct.flush();
            return;
        }
        long written = SinkWrites.onThisThread();
        sink.send(event).toCompletableFuture().get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        // Only a send the runtime wrote right here proves the response started and the sink is idle now.
        // One it merely queued is written later by another thread, and a direct write could overtake it.
        if (SinkWrites.onThisThread() != written) {
            started = true;
        }
    }

    /** True once the runtime has seen the stream end (a failed write, the client gone). */
    boolean isClosed() {
        return sink.isClosed();
    }

    void close() {
        try {
            sink.close();
        } catch (RuntimeException e) {
            // the stream is gone either way
        }
    }
}
