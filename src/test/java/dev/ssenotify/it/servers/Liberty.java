package dev.ssenotify.it.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;

/**
 * An Open Liberty server of its own, from the runtime the build unpacked to {@code target/servers/wlp}, set up
 * with the shipped {@code deployment/liberty/server.xml} and {@code jvm.options} (so the recipe is what is
 * tested), the packaged WAR, free ports and the settings as system properties.
 */
public final class Liberty implements ServerUnderTest {

    private static final Duration START = Duration.ofMinutes(3);
    private static final Duration STOP = Duration.ofSeconds(60);
    private static final String SERVER = "sse";

    private final Path wlp;
    private final Path userDir;
    private final int port;

    private Liberty(Path wlp, Path userDir, int port) {
        this.wlp = wlp;
        this.userDir = userDir;
        this.port = port;
    }

    /** Starts an instance with these settings and waits (bounded) until {@code /health/ready} answers 200. */
    public static Liberty start(String instanceName, Map<String, String> settings) {
        Liberty liberty = launch(instanceName, settings);
        liberty.await(status -> status == 200, "/health/ready 200");
        return liberty;
    }

    /**
     * Starts an instance and waits only until {@code /health/ready} answers at all, for an instance that may
     * not be ready yet (its Redis is not there).
     */
    public static Liberty startAnswering(String instanceName, Map<String, String> settings) {
        Liberty liberty = launch(instanceName, settings);
        liberty.await(status -> status == 200 || status == 503, "/health/ready to answer");
        return liberty;
    }

    private static Liberty launch(String instanceName, Map<String, String> settings) {
        Path wlp = Path.of(System.getProperty("servers.dir", "target/servers"), "wlp").toAbsolutePath();
        if (!Files.isExecutable(wlp.resolve("bin/server"))) {
            throw new IllegalStateException(wlp + " is missing: the pre-integration-test phase unpacks it "
                    + "(mvn dependency:unpack@unpack-open-liberty)");
        }
        // A user directory per instance (WLP_USER_DIR) keeps two instances' config, workarea and logs apart on
        // one shared runtime.
        Path userDir = Path.of("target", "liberty", instanceName).toAbsolutePath();
        try {
            Servers.deleteTree(userDir);
            Path server = Files.createDirectories(userDir.resolve("servers").resolve(SERVER).resolve("apps"))
                    .getParent();
            // What `server create` would write is replaced by the shipped files anyway; copying is quicker than
            // a JVM start.
            Path recipe = Path.of(System.getProperty("liberty.deployment", "deployment/liberty"));
            Files.copy(recipe.resolve("server.xml"), server.resolve("server.xml"));
            Files.copy(recipe.resolve("jvm.options"), server.resolve("jvm.options"));
            Files.copy(Path.of(System.getProperty("sse.war", "target/sse-notify.war")),
                    server.resolve("apps/sse-notify.war"), StandardCopyOption.REPLACE_EXISTING);
            int port = Servers.freePorts(1)[0];
            Files.writeString(server.resolve("bootstrap.properties"), "http.port=" + port + "\n"
                    + "https.port=" + Servers.freePorts(1)[0] + "\n"
                    + "http.host=127.0.0.1\n");
            StringBuilder options = new StringBuilder("\n# the test's settings\n");
            settings.forEach((key, value) -> options.append("-D").append(key).append('=').append(value).append('\n'));
            Files.writeString(server.resolve("jvm.options"), options, StandardOpenOption.APPEND);
            Liberty liberty = new Liberty(wlp, userDir, port);
            // `server start` returns once the server reports started (not the app ready), bounded by START.
            liberty.command("start", START);
            return liberty;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void await(IntPredicate status, String what) {
        long deadline = System.nanoTime() + START.toNanos();
        int last = -1;
        while (System.nanoTime() < deadline) {
            last = readyStatus();
            if (status.test(last)) {
                return;
            }
            if (pid().flatMap(ProcessHandle::of).map(p -> !p.isAlive()).orElse(false)) {
                break;
            }
            Servers.pause();
        }
        close();
        throw new IllegalStateException("Liberty did not reach " + what + " within " + START + " (last status "
                + last + "); see " + log());
    }

    private int readyStatus() {
        return Servers.status(health().resolve("ready"));
    }

    @Override
    public String name() {
        return "liberty";
    }

    @Override
    public URI base() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    @Override
    public URI health() {
        return base().resolve("health/");
    }

    @Override
    public URI metrics() {
        return base().resolve("metrics");
    }

    @Override
    public Path log() {
        return userDir.resolve("servers").resolve(SERVER).resolve("logs/messages.log");
    }

    /** Stops the server (bounded); a server that does not stop in time is killed. */
    @Override
    public void close() {
        Optional<ProcessHandle> jvm = pid().flatMap(ProcessHandle::of);
        try {
            command("stop", STOP);
        } catch (RuntimeException e) {
            // killed below
        }
        jvm.filter(ProcessHandle::isAlive).ifPresent(process -> {
            process.destroyForcibly();
            process.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> null).join();
        });
    }

    /** The server JVM, from the pid file that {@code server start} writes. */
    private Optional<Long> pid() {
        Path file = userDir.resolve("servers/.pid/" + SERVER + ".pid");
        try {
            return Files.exists(file) ? Optional.of(Long.parseLong(Files.readString(file).trim())) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void command(String action, Duration timeout) {
        ProcessBuilder builder = new ProcessBuilder(List.of(wlp.resolve("bin/server").toString(), action, SERVER))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(userDir.resolve("server-commands.log").toFile()));
        builder.environment().put("WLP_USER_DIR", userDir.toString());
        builder.environment().put("JAVA_HOME", System.getProperty("liberty.javaHome", System.getProperty("java.home")));
        try {
            Process process = builder.start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("server " + action + " took over " + timeout);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
