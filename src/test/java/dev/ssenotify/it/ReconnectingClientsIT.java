package dev.ssenotify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssenotify.it.support.Deployments;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Clients as users run them, in Node: npm {@code eventsource} (a plain EventSource: no key, so dead streams
 * are found by probing) and the project's own JS client (which sends a {@code clientKey}), each cut by a TCP
 * proxy right after {@code sse.connected} and then ten times in a row (src/test/it-js).
 */
@ExtendWith(ArquillianExtension.class)
class ReconnectingClientsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war(Map.of(
                "sse.reconnect.retry", "PT0.2S",
                "sse.heartbeat.interval", "PT30S",
                "sse.max-clients-per-user", "5"));
    }

    @ArquillianResource
    URL base;

    @Test
    void eventSourceAndTheJsClientComeBackFromEveryCutWithEveryEventOnce() throws IOException, InterruptedException {
        Path log = Files.createDirectories(Path.of("target")).resolve("reconnecting-clients.log");
        ProcessBuilder builder = new ProcessBuilder(List.of("node", "src/test/it-js/reconnecting-clients.mjs"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("SSE_BASE", base.toString());
        Process node = builder.start();
        boolean ended = node.waitFor(120, TimeUnit.SECONDS);
        if (!ended) {
            node.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(ended, "the Node clients did not finish in time: " + output);
        assertEquals(0, node.exitValue(), output);
    }
}
