package dev.ssenotify.it.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real SSE client over the JDK HttpClient that keeps every frame, comments included, so that tests can
 * assert on the wire. Every wait is bounded.
 */
public final class SseStream implements AutoCloseable {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private final HttpResponse<InputStream> response;
    private final BlockingQueue<SseFrame> incoming = new LinkedBlockingQueue<>();
    private final List<SseFrame> seen = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private volatile boolean ended;

    private SseStream(HttpResponse<InputStream> response) {
        this.response = response;
        this.reader = new Thread(this::read, "sse-test-reader");
        this.reader.setDaemon(true);
        if (response.statusCode() == 200) {
            reader.start();
        }
    }

    public static SseStream open(URI uri, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET().header("Accept", "text/event-stream");
        headers.forEach(request::header);
        try {
            return new SseStream(CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new IllegalStateException("could not open " + uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Opens a stream and waits for its {@code sse.connected} event. */
    public static SseStream connect(URI uri, Map<String, String> headers) {
        SseStream stream = open(uri, headers);
        if (stream.status() != 200) {
            throw new AssertionError("expected 200 from " + uri + " but got " + stream.status() + ": " + stream.errorBody());
        }
        stream.awaitEvent("sse.connected", Duration.ofSeconds(10));
        return stream;
    }

    public int status() {
        return response.statusCode();
    }

    public HttpResponse<InputStream> response() {
        return response;
    }

    public String errorBody() {
        try (InputStream in = response.body()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** The {@code clientId} from {@code sse.connected}. */
    public String clientId() {
        return Json.field(first("sse.connected").data(), "clientId");
    }

    public SseFrame first(String event) {
        return seen.stream().filter(f -> f.is(event)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + event + " yet; saw " + seen));
    }

    /** Waits for the next frame, in order, that matches; frames before it are consumed. */
    public SseFrame await(Predicate<SseFrame> match, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                SseFrame frame = left <= 0 ? null : incoming.poll(left, TimeUnit.NANOSECONDS);
                if (frame == null) {
                    throw new AssertionError("timed out after " + timeout + " waiting for " + what + "; saw " + seen);
                }
                if (match.test(frame)) {
                    return frame;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public SseFrame awaitEvent(String name, Duration timeout) {
        return await(f -> f.is(name), timeout, "event " + name);
    }

    /** Events (not comments) received so far, in order. */
    public List<SseFrame> events() {
        List<SseFrame> out = new ArrayList<>();
        for (SseFrame frame : seen) {
            if (!frame.isComment()) {
                out.add(frame);
            }
        }
        return out;
    }

    public List<SseFrame> events(String name) {
        return events().stream().filter(f -> f.is(name)).toList();
    }

    public boolean ended() {
        return ended;
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String event = null;
            String id = null;
            Long retry = null;
            StringBuilder data = null;
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    if (data != null || event != null || retry != null) {
                        deliver(new SseFrame(event, id, data == null ? null : data.toString(), retry, null));
                    }
                    event = null;
                    id = null;
                    retry = null;
                    data = null;
                    continue;
                }
                int colon = line.indexOf(':');
                String field = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1);
                if (value.startsWith(" ")) {
                    value = value.substring(1);
                }
                switch (field) {
                    case "" -> deliver(new SseFrame(null, null, null, null, value));
                    case "event" -> event = value;
                    case "id" -> id = value;
                    case "retry" -> retry = Long.parseLong(value);
                    case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                    default -> throw new AssertionError("unexpected field on the wire: " + line);
                }
            }
        } catch (IOException e) {
            // closed by the test or by the server
        } finally {
            ended = true;
        }
    }

    private void deliver(SseFrame frame) {
        seen.add(frame);
        incoming.add(frame);
    }

    /** Waits until the server ends the stream. */
    public void awaitEnd(Duration timeout) {
        try {
            reader.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!ended) {
            throw new AssertionError("the stream did not end within " + timeout);
        }
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException e) {
            // already closed
        }
    }
}
