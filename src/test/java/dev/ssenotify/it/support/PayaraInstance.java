package dev.ssenotify.it.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Payara Micro process of its own, for tests that need several instances or must kill one with
 * SIGKILL, which a container managed by Arquillian cannot give.
 */
public final class PayaraInstance implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int port;

    private PayaraInstance(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** A Payara Micro jar and the JDK that runs it. */
    public record Runtime(Path java, Path microJar) {

        /** The build's Payara Micro 6 on the JDK running the tests (17). */
        public static Runtime payara6() {
            return new Runtime(Path.of(System.getProperty("java.home"), "bin", "java"),
                    Path.of(System.getProperty("payara.microJar", "target/payara-micro.jar")));
        }

        /** Payara Micro 7, which needs Java 21 or later: on the machine's Temurin 25. */
        public static Runtime payara7() {
            return new Runtime(Path.of(System.getProperty("java25.home", "/usr/lib/jvm/temurin-25-jdk-amd64"), "bin", "java"),
                    Path.of(System.getProperty("payara7.microJar", "target/payara-micro-7.jar")));
        }
    }

    /** Starts the packaged WAR on Payara Micro 6 with these settings and waits (bounded) until it is up. */
    public static PayaraInstance start(String name, Map<String, String> settings, Duration timeout) throws IOException {
        return start(Runtime.payara6(), name, settings, timeout);
    }

    /** Starts the packaged WAR on this runtime with these settings and waits (bounded) until it is up. */
    public static PayaraInstance start(Runtime runtime, String name, Map<String, String> settings, Duration timeout)
            throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "instances", name));
        Path properties = dir.resolve("settings.properties");
        StringBuilder text = new StringBuilder();
        settings.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        Files.writeString(properties, text);
        Path log = dir.resolve("payara.log");
        int port = freePort();
        Process process = new ProcessBuilder(List.of(runtime.java().toString(), "-Xmx512m", "-jar",
                runtime.microJar().toString(),
                "--deploy", System.getProperty("sse.war", "target/sse-notify.war"),
                "--contextroot", "/", "--port", String.valueOf(port), "--nocluster", "--disablephonehome",
                "--rootdir", dir.resolve("root").toString(),
                "--prebootcommandfile", System.getProperty("payara.preboot", "deployment/payara-preboot.asadmin"),
                "--systemproperties", properties.toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        PayaraInstance instance = new PayaraInstance(process, log, port);
        instance.awaitReady(timeout);
        return instance;
    }

    private void awaitReady(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited early; see " + log);
            }
            String text = Files.exists(log) ? Files.readString(log) : "";
            if (text.contains("ready in")) {
                if (text.contains("Exception while loading the app")) {
                    throw new IllegalStateException("the app failed to deploy; see " + log);
                }
                return;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        close();
        throw new IllegalStateException("Payara Micro was not ready within " + timeout + "; see " + log);
    }

    public URL base() {
        try {
            return URI.create("http://127.0.0.1:" + port + "/").toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The file the server writes its output to. */
    public Path log() {
        return log;
    }

    /** SIGKILL: no shutdown hook, no clean close of any stream. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
