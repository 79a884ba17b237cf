package dev.ssenotify.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.HdrHistogram.Histogram;

/**
 * Round trips of a request the server answers without any work of its own (a path it does not map), paced
 * like the single-user events and sent by the same kind of client: the floor under any event latency that
 * the server's HTTP stack, this machine's thread wake-ups and the client add, whatever the event layer does.
 */
final class FloorProbe {

    private static final long MAX_MICROS = Duration.ofSeconds(30).toNanos() / 1000;

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final URI uri;

    FloorProbe(URI uri) {
        Loopback.require(uri);
        this.uri = uri;
    }

    /** {@code count} GETs, {@code gapMillis} apart; any answer counts, since the path is meant to be unmapped. */
    LatencySummary measure(int count, long gapMillis) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build();
        Histogram micros = new Histogram(MAX_MICROS, 3);
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            client.send(request, HttpResponse.BodyHandlers.discarding());
            micros.recordValue(Math.min(MAX_MICROS, (System.nanoTime() - start) / 1000));
            // Pacing, not waiting for anything: an idle gap is what makes the server wake its threads, as
            // it must for the single-user events the floor is compared with.
            Thread.sleep(gapMillis);
        }
        return LatencySummary.of(micros);
    }
}
