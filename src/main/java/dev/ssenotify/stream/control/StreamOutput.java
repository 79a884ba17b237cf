package dev.ssenotify.stream.control;

import dev.ssenotify.log.control.WireEvent;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Where one stream's bytes go. Only the connection's writer, the holder of its output (see
 * {@link Connection}), calls {@link #write}, {@link #flush}, {@link #isReady} and {@link #close}: once a
 * stream is closed the container recycles its response, and a late write could land in another response.
 */
public interface StreamOutput {

    /** What the output tells its connection. Called on a container thread: must not block. */
    interface Listener {
        /** Writing is possible again after {@link #isReady} answered false. */
        void writable();

        /** The output failed (the client went away); nothing more can be written. */
        void failed(Throwable cause);
    }

    /**
     * Starts the output on the request's thread, once the JAX-RS runtime has started the response and
     * returned: from then on only this output writes to it.
     */
    void start(HttpServletRequest request, HttpServletResponse response, Listener listener) throws IOException;

    /** True if a write now returns at once; false means {@link Listener#writable} follows when it can. */
    boolean isReady();

    /** Hands the event's bytes on; never waits for the client when the output is non-blocking. */
    void write(WireEvent event) throws IOException;

    void flush() throws IOException;

    /** True once the stream is known to have ended (a failed write, the client gone). */
    boolean isClosed();

    /** Ends the response. */
    void close();
}
