package dev.ssenotify.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Sends a round through the server's own publish API. Publishing is rare next to receiving, so one blocking
 * HttpClient is enough; its clock reading just before sending is the start of every latency.
 */
final class Publisher {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String method;
    private final URI uri;
    private final String authorization;
    private final String contentType;
    private final Template body;

    Publisher(String method, URI uri, String authorization, String contentType, Template body) {
        Loopback.require(uri);
        this.method = method;
        this.uri = uri;
        this.authorization = authorization;
        this.contentType = contentType;
        this.body = body;
    }

    /** Publishes round {@code index} of the ledger; fails on anything but a 2xx. */
    void publish(DeliveryLedger ledger, int index, int padBytes) throws IOException, InterruptedException {
        check(client.send(request(ledger, index, padBytes), HttpResponse.BodyHandlers.ofString()));
    }

    /** Like {@link #publish} without waiting for the answer, for bursts that should not be paced by it. */
    CompletableFuture<Void> publishAsync(DeliveryLedger ledger, int index, int padBytes) {
        return client.sendAsync(request(ledger, index, padBytes), HttpResponse.BodyHandlers.ofString())
                .thenAccept(response -> {
                    try {
                        check(response);
                    } catch (IOException e) {
                        throw new CompletionException(e);
                    }
                });
    }

    private HttpRequest request(DeliveryLedger ledger, int index, int padBytes) {
        int wire = ledger.wireRound(index);
        long now = System.nanoTime();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body.fill(wire, now, padBytes)));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        ledger.published(index, now);
        return request.build();
    }

    private void check(HttpResponse<String> response) throws IOException {
        if (response.statusCode() / 100 != 2) {
            throw new IOException(method + " " + uri + " answered " + response.statusCode() + ": "
                    + response.body());
        }
    }
}
