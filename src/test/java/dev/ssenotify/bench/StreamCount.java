package dev.ssenotify.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The number of streams a server says it holds, read from a JSON stats URL. Between steps the tool waits
 * until it is back to zero: a server that notices a departed client only when a write to it fails (as
 * Payara does, at the next heartbeat) still holds the streams of the step before, and the next step would
 * otherwise be measured writing to the dead.
 */
final class StreamCount {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
    private final URI uri;
    private final String authorization;
    private final Pattern field;
    private final Duration timeout;

    StreamCount(URI uri, String authorization, String fieldName, Duration timeout) {
        Loopback.require(uri);
        this.uri = uri;
        this.authorization = authorization;
        this.field = fieldPattern(fieldName);
        this.timeout = timeout;
    }

    /**
     * Waits, at most the timeout, until the server holds no stream; returns how long it took, or empty
     * when it still held some at the timeout.
     */
    OptionalLong awaitZero() throws IOException, InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (true) {
            long held = read();
            long waited = (System.nanoTime() - start) / 1_000_000;
            if (held == 0) {
                return OptionalLong.of(waited);
            }
            if (System.nanoTime() >= deadline) {
                System.out.println("bench: the server still holds " + held + " streams after " + waited + " ms");
                return OptionalLong.empty();
            }
            // The server has no way to tell a client when its count reaches zero, so it is asked again
            // after a pause; the deadline above bounds the wait.
            Thread.sleep(POLL.toMillis());
        }
    }

    long read() throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("stream count: " + uri + " answered " + response.statusCode());
        }
        return parse(response.body(), field);
    }

    static Pattern fieldPattern(String name) {
        return Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*(\\d+)");
    }

    /** The first number under the field's name in a JSON text. */
    static long parse(String json, Pattern field) throws IOException {
        Matcher m = field.matcher(json);
        if (!m.find()) {
            throw new IOException("stream count: no field " + field + " in " + abbreviate(json));
        }
        return Long.parseLong(m.group(1));
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }
}
