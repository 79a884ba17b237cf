package dev.ssenotify.it.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A private redis-server for one test class, so that it can be stopped and started at will. */
public final class RedisServer implements AutoCloseable {

    private final int port;
    private final Path dir;
    private Process process;

    private RedisServer(int port, Path dir) {
        this.port = port;
        this.dir = dir;
    }

    public static RedisServer start() throws IOException {
        RedisServer server = reserve();
        server.startProcess();
        return server;
    }

    /** A free port and a directory for a Redis that {@link #startProcess()} starts later. */
    public static RedisServer reserve() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        return new RedisServer(port, Files.createDirectories(Path.of("target", "redis-" + port)));
    }

    public void startProcess() throws IOException {
        process = new ProcessBuilder(List.of("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--enable-debug-command", "local", "--dir", dir.toAbsolutePath().toString()))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("redis.log").toFile())
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                sleep(100);
            }
        }
        throw new IllegalStateException("redis-server did not start on port " + port);
    }

    /** Stops Redis; what it held is gone, as after a crash without persistence. */
    public void stop() {
        if (process != null) {
            process.destroy();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Makes Redis stop answering for a while without closing a socket ({@code DEBUG SLEEP}), as a stalled or
     * swapping server does. Returns at once; Redis answers again after {@code seconds}.
     */
    public Process stall(int seconds) throws IOException {
        return new ProcessBuilder(List.of("redis-cli", "-p", String.valueOf(port), "DEBUG", "SLEEP", String.valueOf(seconds)))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    public String uri() {
        return "redis://127.0.0.1:" + port + "/0";
    }

    @Override
    public void close() {
        stop();
    }

    private static void sleep(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
