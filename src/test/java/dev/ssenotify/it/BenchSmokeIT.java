package dev.ssenotify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssenotify.bench.Main;
import dev.ssenotify.it.support.Api;
import dev.ssenotify.it.support.Deployments;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The load generator against the real app, in-process and small: a clean run finds nothing wrong, and a run
 * told to lose one event reports exactly that one, so a clean result means something.
 */
@ExtendWith(ArquillianExtension.class)
class BenchSmokeIT {

    private static final int STREAMS = 200;
    private static final int ROUNDS = 3;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war(Map.of(
                "sse.max-clients", "1000",
                "sse.max-clients-per-user", "1000",
                "sse.logging.enabled", "false"));
    }

    @ArquillianResource
    URL base;

    @Test
    void aCleanRunFindsNoMissedOrDuplicateEvents() throws Exception {
        Main.Summary summary = Main.execute(args(false));
        assertEquals(0, summary.missed(), summary.failures().toString());
        assertEquals(0, summary.duplicates(), summary.failures().toString());
        assertEquals(0, summary.exitCode(), summary.failures().toString());
    }

    @Test
    void aDroppedEventIsReportedAsExactlyOneMissedEvent() throws Exception {
        Main.Summary summary = Main.execute(args(true));
        assertEquals(1, summary.missed(), summary.failures().toString());
        assertEquals(0, summary.duplicates());
        assertEquals(1, summary.exitCode(), "a missed event must fail the run");
        assertTrue(summary.failures().toString().contains("missed 1"), summary.failures().toString());
    }

    private String[] args(boolean dropOne) {
        URI app = Api.toUri(base);
        String stream = app.resolve("api/sse").toString();
        List<String> args = new ArrayList<>(List.of(
                "run", "--target", "bench/app.properties",
                "--set", "stream.url=" + stream,
                "--set", "user-stream.url=" + stream,
                "--set", "publish.url=" + app.resolve("api/sse-test"),
                "--set", "stream-count.url=" + app.resolve("api/sse-test"),
                // The other test's streams linger until a heartbeat finds them gone; no need to wait here.
                "--set", "stream-count.timeout-seconds=5",
                "--scenarios", "fanout",
                "--size", "fanout.n=" + STREAMS,
                "--size", "fanout.rounds=" + ROUNDS,
                "--no-warmup"));
        if (dropOne) {
            args.add("--drop-one");
        }
        return args.toArray(String[]::new);
    }
}
