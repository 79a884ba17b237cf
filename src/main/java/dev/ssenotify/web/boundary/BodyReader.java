package dev.ssenotify.web.boundary;

import dev.ssenotify.web.control.Problems;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Collects one request body as the container says bytes are there, and then either dispatches the request
 * with it or answers: 413 past the bound, 408 past the deadline, nothing when the client went away. Exactly
 * one of those happens. Reads are serialized: the container's callback and {@link #kick} may both read.
 */
final class BodyReader implements ReadListener, AsyncListener {

    // Well past the few microseconds the container takes to leave the request's first dispatch.
    private static final long DISPATCH_AFTER_MILLIS = 20;

    private final AsyncContext async;
    private final ServletInputStream in;
    private final long length;
    private final int max;
    private final Duration timeout;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final byte[] chunk = new byte[8192];
    private final AtomicBoolean done = new AtomicBoolean();
    private final ScheduledExecutorService later;
    // Guarded by this. Payara loses a dispatch made from another thread in the instant the request's first
    // dispatch returns (AsyncContextImpl.onExitService races dispatch()): a body complete while the filter
    // still runs is dispatched by the filter's own thread, in scope; one completed later a moment after.
    private boolean inFilter = true;
    private boolean pending;

    /** @param length the announced length, or -1 (chunked) */
    BodyReader(AsyncContext async, ServletInputStream in, long length, int max, Duration timeout,
               ScheduledExecutorService later) {
        this.async = async;
        this.in = in;
        this.later = later;
        this.length = length;
        this.max = max;
        this.timeout = timeout;
    }

    /**
     * Reads what is there already. Bytes that reached the container between the filter's look and the
     * listener's registration raise no new event, and Grizzly then never calls back (seen under load as a
     * whole body waiting for its 408): the filter calls this once after registering. Only when the
     * container says bytes wait: asking Open Liberty {@code isReady()} here (its {@code available()} is
     * always 0) made it lose its own callback now and then, and the request hung.
     */
    void kick() {
        try {
            if (in.available() > 0 && in.isReady()) {
                onDataAvailable();
            }
        } catch (IOException | RuntimeException e) {
            onError(e);
        }
    }

    @Override
    public synchronized void onDataAvailable() throws IOException {
        while (!done.get() && in.isReady()) {
            int n = in.read(chunk);
            if (n == -1) {
                break;
            }
            if (body.size() + n > max) {
                finish(413, "Content Too Large", "the request body is larger than " + max + " bytes");
                return;
            }
            body.write(chunk, 0, n);
        }
        // Grizzly does not always call onAllDataRead when the last bytes were taken here (seen as a 408 on a
        // body that had fully arrived): a whole body is dispatched from here too, once.
        if (body.size() == length || in.isFinished()) {
            onAllDataRead();
        }
    }

    @Override
    public synchronized void onAllDataRead() {
        if (done.compareAndSet(false, true)) {
            async.getRequest().setAttribute(BodyReadFilter.BODY, body.toByteArray());
            if (inFilter) {
                pending = true;
            } else {
                later.schedule(() -> async.dispatch(), DISPATCH_AFTER_MILLIS, TimeUnit.MILLISECONDS);
            }
        }
    }

    /** The filter is about to return: a body already whole is dispatched now, from its thread. */
    synchronized void leaveFilter() {
        inFilter = false;
        if (pending) {
            async.dispatch();
        }
    }

    @Override
    public void onError(Throwable cause) {
        // The client went away or broke the framing: nobody is left to answer.
        if (done.compareAndSet(false, true)) {
            async.complete();
        }
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        finish(408, "Request Timeout", "the request body did not arrive within " + timeout
                + " (sse.http.body-timeout)");
    }

    @Override
    public void onComplete(AsyncEvent event) {
    }

    @Override
    public void onError(AsyncEvent event) {
        onError(event.getThrowable());
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
    }

    private void finish(int status, String title, String detail) {
        if (!done.compareAndSet(false, true)) {
            return;
        }
        try {
            HttpServletResponse response = (HttpServletResponse) async.getResponse();
            // The rest of the body is never read, so the connection cannot carry another request.
            response.setHeader("Connection", "close");
            refuse(response, status, title, detail);
        } catch (IOException | RuntimeException e) {
            // the client is gone
        } finally {
            async.complete();
        }
    }

    static void refuse(HttpServletResponse response, int status, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType(Problems.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(Problems.json(status, title, detail));
    }
}
