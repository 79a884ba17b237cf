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
    private volatile boolean closed;

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
        return closed || failed || sink.isClosed();
    }

    /**
     * Ends the response by completing the request; the sink is not closed. It started the response and this
     * class has written everything since, so the sink has nothing to send; but RESTEasy's (Open Liberty)
     * flushes on close through a WriteListener of its own when off the request's thread, which the container
     * refuses, ours being set: an error in the server's log (SRVE9009E) and a close that stops short of
     * completing the request (one that waited for its flush instead would wait forever).
     */
    @Override
    public void close() {
        closed = true;
        AsyncContext context = async;
        if (context == null) {
            // never started: the sink still owns the response
            closeSink();
            return;
        }
        try {
            context.complete();
        } catch (RuntimeException e) {
            // already completed
        }
    }

    private void closeSink() {
        try {
            sink.close();
        } catch (RuntimeException e) {
            // the stream is gone either way
        }
    }
}
