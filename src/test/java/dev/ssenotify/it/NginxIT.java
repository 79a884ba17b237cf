package dev.ssenotify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssenotify.it.support.Api;
import dev.ssenotify.it.support.Deployments;
import dev.ssenotify.it.support.Nginx;
import dev.ssenotify.it.support.SseStream;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Streams through Debian's nginx with the shipped config (deployment/nginx/sse-notify.conf). */
@ExtendWith(ArquillianExtension.class)
class NginxIT {

    private static final Duration PROMPTLY = Duration.ofSeconds(2);
    private static Nginx nginx;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war(Map.of(
                "sse.http.trusted-proxies", "127.0.0.1",
                "sse.max-anonymous-per-address", "1"));
    }

    @ArquillianResource
    URL base;

    private URL proxied() throws Exception {
        if (nginx == null) {
            nginx = Nginx.start(List.of("127.0.0.1:" + base.getPort()));
        }
        return nginx.base().toURL();
    }

    @AfterAll
    static void stopNginx() {
        if (nginx != null) {
            nginx.close();
        }
    }

    /** With buffering on, nginx would hold these small events until its buffer filled or the stream ended. */
    @Test
    void eachEventCrossesTheProxyWhenItIsSent() throws Exception {
        URL through = proxied();
        try (SseStream alice = Api.basic(through, "alice", "alice").stream()) {
            assertEquals(200, alice.status());
            for (int i = 0; i < 5; i++) {
                String name = "through-" + i;
                assertEquals(202, Api.basic(through, "admin", "admin")
                        .send("{\"event\":\"" + name + "\",\"data\":" + i + ",\"target\":\"user\",\"userId\":\"alice\"}")
                        .statusCode());
                alice.awaitEvent(name, PROMPTLY);
            }
        }
    }

    /** The proxy's address is not everyone's: each client counts against its own per-address limits. */
    @Test
    void behindTheProxyEachClientHasItsOwnAddress() throws Exception {
        URI stream = proxied().toURI().resolve("api/sse");
        List<SseStream> open = new ArrayList<>();
        try {
            open.add(SseStream.connect(stream, Map.of("X-Forwarded-For", "198.51.100.1")));
            open.add(SseStream.connect(stream, Map.of("X-Forwarded-For", "198.51.100.2")));
            assertEquals(200, open.get(0).status());
            assertEquals(200, open.get(1).status(), "another client behind the same proxy");
            SseStream second = SseStream.open(stream, Map.of("X-Forwarded-For", "198.51.100.1"));
            open.add(second);
            assertEquals(429, second.status(), "the same client past sse.max-anonymous-per-address=1");
        } finally {
            open.forEach(SseStream::close);
        }
    }

    /** A quiet stream must outlive the proxy's read timeout only if heartbeats come more often than it. */
    @Test
    void theRecipesReadTimeoutOutlastsTheDefaultHeartbeat() throws Exception {
        Matcher timeout = Pattern.compile("proxy_read_timeout (\\d+)s;").matcher(Files.readString(Nginx.RECIPE));
        assertTrue(timeout.find(), "the recipe sets proxy_read_timeout");
        assertTrue(Integer.parseInt(timeout.group(1)) > 30, "above sse.heartbeat.interval's default of 30 s");
    }
}
