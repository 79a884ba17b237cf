package dev.ssenotify.it.servers;

import dev.ssenotify.it.support.PayaraInstance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** Payara Micro 7 on Temurin 25, health and metrics on the application's port. */
public final class Payara7 implements ServerUnderTest {

    private final PayaraInstance instance;

    private Payara7(PayaraInstance instance) {
        this.instance = instance;
    }

    /** Starts an instance and waits (bounded) until {@code /health/ready} answers 200. */
    public static Payara7 start(String name, Map<String, String> settings) {
        Payara7 server = startAnswering(name, settings);
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (Servers.status(server.health().resolve("ready")) != 200) {
            if (System.nanoTime() > deadline) {
                server.close();
                throw new IllegalStateException("Payara Micro 7 not ready within 2 minutes; see " + server.log());
            }
            Servers.pause();
        }
        return server;
    }

    /** Starts an instance and returns once it has deployed the WAR, ready or not. */
    public static Payara7 startAnswering(String name, Map<String, String> settings) {
        try {
            return new Payara7(PayaraInstance.start(PayaraInstance.Runtime.payara7(), name, settings, Duration.ofMinutes(3)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String name() {
        return "payara7";
    }

    @Override
    public URI base() {
        try {
            return instance.base().toURI();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public URI health() {
        return base().resolve("health/");
    }

    @Override
    public URI metrics() {
        return base().resolve("metrics?scope=application");
    }

    @Override
    public Path log() {
        return instance.log();
    }

    @Override
    public void close() {
        instance.close();
    }
}
