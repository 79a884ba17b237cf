package dev.ssenotify.it.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A WildFly of its own: the unpacked server's {@code standalone} directory, configured offline with
 * {@code deployment/wildfly/configure.cli} (the recipe users run, so this is how the recipe is tested), copied
 * to {@code target/wildfly/<instance>} and started from there ({@code jboss.server.base.dir}) on free ports,
 * so that two instances (a cluster) and another build on the same machine can run at once.
 */
public final class WildFly implements ServerUnderTest {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final String name;
    private final Path dir;
    private final Process process;
    private final int httpPort;
    private final int managementPort;

    private WildFly(String name, Path dir, Process process, int httpPort, int managementPort) {
        this.name = name;
        this.dir = dir;
        this.process = process;
        this.httpPort = httpPort;
        this.managementPort = managementPort;
    }

    /** Starts an instance with these MicroProfile Config settings and waits (bounded) until it is ready. */
    public static WildFly start(String instanceName, Map<String, String> settings) {
        return start(instanceName, settings, WildFly::isReady);
    }

    /**
     * Starts an instance and waits (bounded) until {@code until} holds: {@link #isUp} for a cluster instance
     * whose Redis is not there yet, which keeps it from being ready.
     */
    public static WildFly start(String instanceName, Map<String, String> settings, Predicate<WildFly> until) {
        Path dir = Path.of("target", "wildfly", instanceName).toAbsolutePath();
        try {
            Servers.deleteTree(dir);
            Servers.copyTree(WildFlyDist.configured(), dir, Set.of("log", "tmp"));
            Path properties = dir.resolve("settings.properties");
            Servers.writeProperties(properties, settings);
            int[] ports = Servers.freePorts(5);
            // Every port the configuration binds, each free, rather than an offset: an offset from the
            // defaults can still land on a port someone else holds.
            List<String> command = List.of(WildFlyDist.home().resolve("bin/standalone.sh").toString(),
                    "-Djboss.server.base.dir=" + dir,
                    "-Djboss.http.port=" + ports[0], "-Djboss.https.port=" + ports[1],
                    "-Djboss.management.http.port=" + ports[2], "-Djboss.management.https.port=" + ports[3],
                    "-Djboss.ajp.port=" + ports[4],
                    // A file rather than -D per key, as users do (README): no value is mangled by the shell script.
                    "-P", properties.toUri().toString());
            Process process = WildFlyDist.process(command).redirectOutput(dir.resolve("console.log").toFile()).start();
            WildFly server = new WildFly(instanceName, dir, process, ports[0], ports[2]);
            server.await(until);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The application answers: the server is up and the WAR deployed, ready or not. */
    public boolean isUp() {
        return Servers.status(base().resolve("api/auth/me")) == 200;
    }

    public boolean isReady() {
        return Servers.status(health().resolve("ready")) == 200;
    }

    @Override
    public String name() {
        return "wildfly";
    }

    @Override
    public URI base() {
        return URI.create("http://127.0.0.1:" + httpPort + "/");
    }

    @Override
    public URI health() {
        return URI.create("http://127.0.0.1:" + managementPort + "/health/");
    }

    @Override
    public URI metrics() {
        return URI.create("http://127.0.0.1:" + managementPort + "/metrics");
    }

    @Override
    public Path log() {
        return dir.resolve("log/server.log");
    }

    /** A management {@code :shutdown}, bounded; then the process tree is destroyed whatever happened. */
    @Override
    public void close() {
        try {
            Process shutdown = WildFlyDist.process(List.of(WildFlyDist.home().resolve("bin/jboss-cli.sh").toString(), "-c",
                    "--controller=127.0.0.1:" + managementPort, "--command=:shutdown"))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("cli.log").toFile())).start();
            if (!shutdown.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                shutdown.destroyForcibly();
            }
            process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (IOException e) {
            // destroyed below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            // standalone.sh runs the JVM as its child: destroying only the script would leave the server.
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private void await(Predicate<WildFly> until) throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited early; see " + dir.resolve("console.log"));
            }
            if (until.test(this)) {
                return;
            }
            // WFLYSRV0026: "started (with errors)", a deployment that failed: it would never get ready.
            if (Files.exists(log()) && Files.readString(log()).contains("WFLYSRV0026")) {
                close();
                throw new IllegalStateException(name + " started with errors; see " + log());
            }
            Servers.pause();
        }
        close();
        throw new IllegalStateException(name + " did not get there within " + START_TIMEOUT + "; see " + log());
    }
}
