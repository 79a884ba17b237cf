package dev.ssenotify.stream.control;

import dev.ssenotify.log.control.WireEvent;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.sse.SseEventSink;
import java.io.IOException;

/**
 * Writes a stream's frames as their prepared bytes to the servlet stream beneath its JAX-RS sink, in the
 * Servlet's non-blocking mode: a write never parks a thread on a client that stopped reading; when the
 * socket is full {@link ServletOutputStream#isReady()} says so, and the container calls back once it
 * drains. The sink started the response (status, headers, async mode) and ends it.
 */
final class ServletStreamOutput implements StreamOutput {

    private final SseEventSink sink;
    // Set once by start, before any writer runs (the writer is scheduled after it).
    private volatile ServletOutputStream out;
    private volatile AsyncContext async;
    private volatile boolean failed;

    ServletStreamOutput(SseEventSink sink) {
        this.sink = sink;
    }

    @Override
    public void start(HttpServletRequest request, HttpServletResponse response, Listener listener) throws IOException {
        async = request.getAsyncContext();
        out = response.getOutputStream();
        out.setWriteListener(new WriteListener() {
            @Override
            public void onWritePossible() {
                listener.writable();
            }

            @Override
            public void onError(Throwable cause) {
                failed = true;
                listener.failed(cause);
            }
        });
    }

    @Override
    public boolean isReady() {
        return out.isReady();
    }

    @Override
    public void write(WireEvent event) throws IOException {
        out.write(event.wire());
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public boolean isClosed() {
        return failed || sink.isClosed();
    }

    @Override
    public void close() {
        try {
            sink.close();
        } catch (RuntimeException e) {
            // the stream is gone either way
        }
        // The sink's close can stop short of completing the request (a flush refused in non-blocking mode);
        // an uncompleted request would keep its socket for good.
        AsyncContext context = async;
        if (context != null) {
            try {
                context.complete();
            } catch (RuntimeException e) {
                // already completed
            }
        }
    }
}
