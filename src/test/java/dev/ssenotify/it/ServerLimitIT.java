package dev.ssenotify.it;

import dev.ssenotify.it.support.Api;
import dev.ssenotify.it.support.Deployments;
import dev.ssenotify.it.support.SseStream;
import static dev.ssenotify.it.HttpContractIT.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A server at {@code sse.max-clients}, and the test endpoint as shipped: off. */
@ExtendWith(ArquillianExtension.class)
class ServerLimitIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war(Map.of(
                "sse.max-clients", "3",
                "sse.reconnect.retry", "PT7S",
                "sse.heartbeat.interval", "PT1S",
                "sse.test-endpoint.enabled", ""));
    }

    @ArquillianResource
    URL base;

    @Test
    void aFullServerAnswers503WithRetryAfterAndIsNotReady() {
        Api anonymous = Api.anonymous(base);
        List<SseStream> streams = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                streams.add(anonymous.stream());
            }
            try (SseStream fourth = anonymous.tryStream()) {
                assertEquals(503, fourth.status());
                assertEquals("7", fourth.response().headers().firstValue("Retry-After").orElse(null));
                assertTrue(fourth.errorBody().contains("\"status\":503"));
            }
            HttpResponse<String> ready = anonymous.getRoot("/health/ready");
            assertEquals(503, ready.statusCode(), ready.body());
        } finally {
            streams.forEach(SseStream::close);
        }
        // The closed streams are found by the next heartbeat; then there is room again.
        StreamingIT.awaitTrue(() -> anonymous.getRoot("/health/ready").statusCode() == 200, "room again");
        try (SseStream again = anonymous.stream()) {
            assertEquals(200, again.status());
        }
    }

    @Test
    void theTestEndpointIsOffByDefault() {
        Api admin = Api.basic(base, "admin", "admin");
        assertProblem(admin.get("api/sse-test"), 404, "stats when disabled");
        assertProblem(admin.send("{\"event\":\"e\",\"target\":\"all\"}"), 404, "send when disabled");
    }
}
