package dev.ssenotify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssenotify.it.support.Api;
import dev.ssenotify.it.support.Deployments;
import dev.ssenotify.it.support.Json;
import dev.ssenotify.it.support.SseFrame;
import dev.ssenotify.it.support.SseStream;
import jakarta.json.JsonString;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code sse.delivery.ack=client}: only an acknowledgement counts as delivered. */
@ExtendWith(ArquillianExtension.class)
class ClientAckIT {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war(Map.of("sse.delivery.ack", "client", "sse.heartbeat.interval", "PT2S"));
    }

    @ArquillianResource
    URL base;

    @Test
    void anUnacknowledgedEventComesAgainUntilItIsAcknowledged() {
        Api admin = Api.basic(base, "admin", "admin");
        Api dave = Api.basic(base, "dave", "dave");
        List<String> ids = publish(admin, "dave", 2);
        try (SseStream first = dave.stream()) {
            first.await(f -> f.is("queued") && n(f) == 1, WAIT, "both queued events");
        }
        String last;
        try (SseStream second = awaitNewStream(dave)) {
            second.await(f -> f.is("queued") && n(f) == 1, WAIT, "both again: nothing was acknowledged");
            assertEquals(ids, second.events("queued").stream().map(SseFrame::id).toList());
            last = ids.get(1);
            HttpResponse<String> ack = dave.postJson("api/sse/ack", "{\"lastEventId\":\"" + last + "\"}");
            assertEquals(200, ack.statusCode(), ack.body());
        }
        try (SseStream third = awaitNewStream(dave)) {
            admin.post("api/test-support/publish?user=dave&event=fence&count=1&from=0", "application/json", "");
            third.awaitEvent("fence", WAIT);
            assertTrue(third.events("queued").isEmpty(), "acknowledged events came again: " + third.events());
        }
    }

    @Test
    void aReceiptCompletesWhenTheClientAcknowledges() throws Exception {
        Api admin = Api.basic(base, "admin", "admin");
        Api erin = Api.basic(base, "erin", "erin");
        try (SseStream stream = erin.stream()) {
            CompletableFuture<HttpResponse<String>> waiting = CompletableFuture.supplyAsync(() ->
                    admin.post("api/test-support/publish-await-ack?user=erin&event=tracked&seconds=20", "application/json", ""));
            SseFrame tracked = stream.awaitEvent("tracked", WAIT);
            assertTrue(!waiting.isDone(), "written is not acknowledged in client mode");
            assertEquals(200, erin.postJson("api/sse/ack", "{\"lastEventId\":\"" + tracked.id() + "\"}").statusCode());
            HttpResponse<String> done = waiting.get(20, TimeUnit.SECONDS);
            assertEquals("ack", Json.object(done.body()).getString("via"), done.body());
        }
    }

    /** A user's queue is replayed to its first stream only: wait until the previous one is gone. */
    private SseStream awaitNewStream(Api api) {
        Api admin = Api.basic(base, "admin", "admin");
        StreamingIT.awaitTrue(() -> {
            HttpResponse<String> stats = admin.get("api/sse-test");
            return Json.object(stats.body()).getInt("authenticatedClients") == 0;
        }, "the previous stream to be gone");
        return api.stream();
    }

    private static List<String> publish(Api admin, String user, int count) {
        HttpResponse<String> response = admin.post("api/test-support/publish?user=" + user + "&event=queued&count="
                + count + "&from=0", "application/json", "");
        return Json.value(response.body()).asJsonArray().getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private static int n(SseFrame frame) {
        return Json.object(frame.data()).getInt("n");
    }
}
