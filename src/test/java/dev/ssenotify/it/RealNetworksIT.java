package dev.ssenotify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssenotify.it.support.Api;
import dev.ssenotify.it.support.CuttableProxy;
import dev.ssenotify.it.support.Deployments;
import dev.ssenotify.it.support.Json;
import dev.ssenotify.it.support.RawSseSocket;
import dev.ssenotify.it.support.SseFrame;
import dev.ssenotify.it.support.SseStream;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What real networks do to streams: clients that stop reading, cuts right after the first frame, clients
 * that drop and come back again and again, and the bytes on the wire across every kind of frame.
 */
@ExtendWith(ArquillianExtension.class)
class RealNetworksIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final long MIB = 1024 * 1024;
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(2);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war(Map.of(
                "sse.heartbeat.interval", "PT5S",
                "sse.client.write-timeout", "PT2S",
                "sse.reconnect.retry", "PT5S",
                "sse.max-clients-per-user", "5"));
    }

    @ArquillianResource
    URL base;

    Api admin;

    @BeforeEach
    void setUp() {
        admin = Api.basic(base, "admin", "admin");
    }

    @Test
    void aClientThatFallsBehindGetsTheLatestProgressNotABacklog() throws IOException {
        int count = 300;
        try (RawSseSocket slow = RawSseSocket.open(admin.uri("api/sse"), Api.basicHeader("carol", "carol"), 2048)) {
            // 1.2 MB of progress at once: more than the connection's 1 MiB budget if every event were kept.
            HttpResponse<String> sent = Api.anonymous(base).post("api/test-support/progress?user=carol&count=" + count
                    + "&bytes=4000", "application/json", "");
            assertEquals(200, sent.statusCode(), sent.body());
            // The last one's number is the highest, so no other event can carry this text.
            String read = slow.readUntil("\"n\":" + (count - 1));
            int written = read.split("event: progress", -1).length - 1;
            assertTrue(written < count / 2, "a lagging client got " + written + " of " + count + " progress events");
            assertTrue(support("client?id=" + slow.clientId()).getBoolean("registered"), "still connected");
        }
        assertTrue(admin.getRoot("/metrics?scope=application").body().contains("sse_events_coalesced_total"));
    }

    @Test
    void clientsThatStopReadingCostBoundedHeapAndGoWhileAReaderGetsEveryEventOnTime() throws IOException {
        long baseline = heap();
        int events = 300;
        int bytes = 16_000;
        List<RawSseSocket> stuck = new ArrayList<>();
        try (SseStream reader = Api.anonymous(base).stream()) {
            for (int i = 0; i < 20; i++) {
                stuck.add(RawSseSocket.open(admin.uri("api/sse"), null, 2048));
            }
            long[] latencies = new long[events];
            long mostHeap = 0;
            for (int n = 0; n < events; n++) {
                long start = System.nanoTime();
                flood(n, bytes, "all");
                int expected = n;
                reader.await(f -> f.is("flood") && Json.object(f.data()).getInt("n") == expected, WAIT, "flood " + n);
                latencies[n] = System.nanoTime() - start;
                if (n % 75 == 74) {
                    mostHeap = Math.max(mostHeap, heap() - baseline);
                }
            }
            for (RawSseSocket socket : stuck) {
                String id = socket.clientId();
                StreamingIT.awaitTrue(() -> !support("client?id=" + id).getBoolean("registered"), "stuck client " + id + " closed");
                assertEquals("slow-consumer", support("client?id=" + id).getString("disconnectReason", null));
            }
            // 20 stuck clients at 1 MiB each, the log's growth by these events, and some slack for the JVM.
            long bound = 20 * MIB + (long) events * bytes + 8 * MIB;
            assertTrue(mostHeap < bound, "heap grew by " + mostHeap / MIB + " MiB with stuck clients, bound " + bound / MIB);
            Arrays.sort(latencies);
            long p99 = latencies[events * 99 / 100] / 1_000_000;
            assertTrue(p99 < 250, "the reading client's p99 was " + p99 + " ms");
            assertEquals(events, reader.events("flood").size(), "the reading client missed events");
        } finally {
            for (RawSseSocket socket : stuck) {
                socket.close();
            }
        }
    }

    @Test
    void stuckClientsNeverHoldUpAnotherUsersEvents() throws IOException {
        List<RawSseSocket> stuck = new ArrayList<>();
        try (SseStream bob = Api.basic(base, "bob", "bob").stream()) {
            for (int i = 0; i < 16; i++) {
                stuck.add(RawSseSocket.open(admin.uri("api/sse"), null, 2048));
            }
            for (int n = 0; n < 60; n++) {
                flood(n, 60_000, "all");
                send("{\"event\":\"own\",\"data\":" + n + ",\"target\":\"user\",\"userId\":\"bob\"}");
                int expected = n;
                // Bounded by far less than the container's write timeout that used to free the writers.
                bob.await(f -> f.is("own") && f.data().equals(String.valueOf(expected)), Duration.ofSeconds(2), "own " + n);
            }
            for (RawSseSocket socket : stuck) {
                String id = socket.clientId();
                StreamingIT.awaitTrue(() -> !support("client?id=" + id).getBoolean("registered"), "stuck client closed");
            }
        } finally {
            for (RawSseSocket socket : stuck) {
                socket.close();
            }
        }
    }

    @Test
    void aClientThatAcceptsNothingIsClosedAsASlowConsumerWithinTheWriteTimeout() throws IOException {
        try (RawSseSocket stuck = RawSseSocket.open(admin.uri("api/sse"), Api.basicHeader("grace", "grace"), 2048)) {
            String id = stuck.clientId();
            // Enough to fill the socket buffers; whether the byte budget or the deadline ends it, it ends in time.
            for (int n = 0; n < 200 && support("client?id=" + id).getBoolean("registered"); n++) {
                send("{\"event\":\"fill\",\"data\":{\"pad\":\"" + "x".repeat(16_000) + "\"},\"target\":\"user\",\"userId\":\"grace\"}");
            }
            long stoppedAt = System.nanoTime();
            StreamingIT.awaitTrue(() -> !support("client?id=" + id).getBoolean("registered"), "silent client closed");
            long took = (System.nanoTime() - stoppedAt) / 1_000_000;
            assertTrue(took < WRITE_TIMEOUT.toMillis() + 3_000, "closed " + took + " ms after the last write");
            assertEquals("slow-consumer", support("client?id=" + id).getString("disconnectReason", null));
        }
    }

    @Test
    void everyFrameKindEndsWithExactlyOneBlankLine() throws Exception {
        Api carol = Api.basic(base, "carol", "carol");
        String first = receiptId(send("{\"event\":\"before\",\"data\":1,\"target\":\"user\",\"userId\":\"carol\"}"));
        send("{\"event\":\"before\",\"data\":2,\"target\":\"user\",\"userId\":\"carol\"}");
        List<SseStream> others = new ArrayList<>();
        try (RawBody replayed = RawBody.open(carol, Map.of("Last-Event-ID", first));
             RawBody gapped = RawBody.open(carol, Map.of("Last-Event-ID", "not-an-id"))) {
            for (int i = 0; i < 3; i++) {
                others.add(carol.stream());
            }
            // A sixth stream makes the server probe carol's five before refusing it.
            try (SseStream sixth = carol.tryStream()) {
                assertEquals(429, sixth.status());
            }
            send("{\"event\":\"live\",\"data\":{\"lines\":\"a\\nb\"},\"target\":\"user\",\"userId\":\"carol\"}");
            replayed.awaitContains(": heartbeat\n\n");
            replayed.awaitContains(": ping\n\n");
            replayed.awaitContains("event: live\n");
            gapped.awaitContains("event: sse.gap\n");
            for (RawBody raw : List.of(replayed, gapped)) {
                String text = raw.text();
                assertTrue(text.startsWith("event: sse.connected\nid: "), text);
                assertFalse(text.contains("\n\n\n"), "an extra blank line on the wire: " + text);
                for (String frame : text.split("\n\n", -1)) {
                    assertFalse(frame.startsWith("\n"), "a frame began with a blank line: " + text);
                }
            }
            assertTrue(replayed.text().contains("event: before\nid: "), "the replay is on the wire");
        } finally {
            others.forEach(SseStream::close);
        }
    }

    @Test
    void aStreamCutRightAfterItsFirstFrameResumesAndMissesNothing() throws IOException {
        try (CuttableProxy proxy = CuttableProxy.to(base)) {
            Api erin = Api.basic(proxy.base(), "erin", "erin");
            String resumeFrom;
            try (SseStream first = erin.stream()) {
                resumeFrom = first.first("sse.connected").id();
                assertNotNull(resumeFrom, "sse.connected must carry an id");
                proxy.cutAll();
                first.awaitEnd(WAIT);
            }
            List<String> sent = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                sent.add(receiptId(send("{\"event\":\"missed\",\"data\":" + i + ",\"target\":\"user\",\"userId\":\"erin\"}")));
            }
            try (SseStream again = SseStream.connect(erin.uri("api/sse"), withLastEventId(erin, resumeFrom))) {
                for (int i = 0; i < 3; i++) {
                    int expected = i;
                    again.await(f -> f.is("missed") && f.data().equals(String.valueOf(expected)), WAIT, "missed " + i);
                }
                send("{\"event\":\"after\",\"data\":0,\"target\":\"user\",\"userId\":\"erin\"}");
                again.awaitEvent("after", WAIT);
                assertEquals(sent, again.events("missed").stream().map(SseFrame::id).toList(), "each once, in order");
            }
        }
    }

    @Test
    void aClientCutAgainAndAgainIsNeverRefused() throws IOException {
        long replacedBefore = stats().getJsonObject("disconnects").getJsonNumber("replaced").longValue();
        try (CuttableProxy proxy = CuttableProxy.to(base)) {
            Api frank = Api.basic(proxy.base(), "frank", "frank");
            // Without a key, as a plain EventSource: the dead streams are found by probing.
            for (int i = 0; i < 10; i++) {
                try (SseStream stream = frank.tryStream()) {
                    int n = i;
                    assertEquals(200, stream.status(), () -> "reconnect " + n + ": " + stream.errorBody());
                    proxy.cutAll();
                }
            }
            // With a key, as the JS client: the new stream replaces the stale one.
            Api tab = Api.basic(proxy.base(), "frank", "frank");
            for (int i = 0; i < 10; i++) {
                try (SseStream stream = SseStream.open(tab.uri("api/sse?clientKey=tab-1"), authorization("frank"))) {
                    int n = i;
                    assertEquals(200, stream.status(), () -> "keyed reconnect " + n + ": " + stream.errorBody());
                    stream.awaitEvent("sse.connected", WAIT);
                    proxy.cutAll();
                }
            }
        }
        assertTrue(stats().getJsonObject("disconnects").getJsonNumber("replaced").longValue() >= replacedBefore + 9);
    }

    @Test
    void aSixthGenuinelyOpenStreamGets429WithRetryAfterAndItsReasonPhrase() throws IOException {
        Api dave = Api.basic(base, "dave", "dave");
        List<SseStream> streams = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                streams.add(dave.stream());
            }
            try (Socket socket = new Socket(base.getHost(), base.getPort())) {
                socket.setSoTimeout(10_000);
                String request = "GET /api/sse HTTP/1.1\r\nHost: " + base.getHost() + "\r\nAuthorization: "
                        + Api.basicHeader("dave", "dave") + "\r\nConnection: close\r\n\r\n";
                socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
                String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(response.startsWith("HTTP/1.1 429 Too Many Requests\r\n"), response);
                assertTrue(response.contains("\r\nRetry-After: 5\r\n"), response);
                assertTrue(response.contains("\"status\":429"), response);
            }
        } finally {
            streams.forEach(SseStream::close);
        }
    }

    private Map<String, String> authorization(String user) {
        return Map.of("Authorization", Api.basicHeader(user, user));
    }

    private Map<String, String> withLastEventId(Api api, String id) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Authorization", api.header("Authorization"));
        headers.put("Last-Event-ID", id);
        return headers;
    }

    private void flood(int n, int bytes, String to) {
        HttpResponse<String> response = admin.post("api/test-support/flood?count=1&bytes=" + bytes + "&from=" + n + "&to=" + to,
                "application/json", "");
        assertEquals(200, response.statusCode(), response.body());
    }

    private HttpResponse<String> send(String json) {
        HttpResponse<String> response = admin.send(json);
        assertEquals(202, response.statusCode(), response.body());
        return response;
    }

    private static String receiptId(HttpResponse<String> response) {
        return Json.object(response.body()).getString("eventId");
    }

    private long heap() {
        return support("heap").getJsonNumber("used").longValue();
    }

    private JsonObject stats() {
        return admin.json("api/sse-test");
    }

    private JsonObject support(String path) {
        return admin.json("api/test-support/" + path);
    }

    /** A stream's body as bytes (chunking undone by the HTTP client), collected as they arrive. */
    private static final class RawBody implements AutoCloseable {
        private final InputStream in;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        private RawBody(InputStream in) {
            this.in = in;
            Thread reader = new Thread(this::read, "raw-body");
            reader.setDaemon(true);
            reader.start();
        }

        static RawBody open(Api api, Map<String, String> extra) {
            Map<String, String> headers = new HashMap<>(extra);
            headers.put("Authorization", api.header("Authorization"));
            try {
                var request = java.net.http.HttpRequest.newBuilder(api.uri("api/sse")).GET();
                headers.forEach(request::header);
                HttpResponse<InputStream> response = java.net.http.HttpClient.newBuilder()
                        .version(java.net.http.HttpClient.Version.HTTP_1_1).build()
                        .send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
                assertEquals(200, response.statusCode());
                return new RawBody(response.body());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private void read() {
            byte[] buffer = new byte[4096];
            try {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    synchronized (bytes) {
                        bytes.write(buffer, 0, n);
                    }
                }
            } catch (IOException e) {
                // closed
            }
        }

        String text() {
            synchronized (bytes) {
                return bytes.toString(StandardCharsets.UTF_8);
            }
        }

        /** Waits (bounded, as every wait here) until the part has arrived. */
        void awaitContains(String part) {
            StreamingIT.awaitTrue(() -> text().contains(part), "'" + part.replace("\n", "\\n") + "' on the wire");
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
