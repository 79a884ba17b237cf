package dev.ssenotify.it.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's nginx in front of the app, configured with the shipped {@code deployment/nginx/sse-notify.conf}:
 * only its listen port and its upstream servers are replaced, so the test proves the file users copy.
 */
public final class Nginx implements AutoCloseable {

    public static final Path RECIPE = Path.of("deployment", "nginx", "sse-notify.conf");

    private final Process process;
    private final int port;
    private final Path dir;

    private Nginx(Process process, int port, Path dir) {
        this.process = process;
        this.port = port;
        this.dir = dir;
    }

    /** Starts nginx on a free port with the recipe, its upstream pointed at these {@code host:port}s. */
    public static Nginx start(List<String> upstreams) throws IOException {
        if (!Files.isExecutable(Path.of("/usr/sbin/nginx"))) {
            throw new IllegalStateException("/usr/sbin/nginx is missing: .ci/run installs Debian's nginx");
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path dir = Files.createDirectories(Path.of("target", "nginx-" + port).toAbsolutePath());
        Files.createDirectories(dir.resolve("logs"));
        String recipe = Files.readString(RECIPE)
                .replace("listen 80;", "listen 127.0.0.1:" + port + ";")
                .replaceAll("(?m)^    server 127\\.0\\.0\\.1:808[01] (.*)$", "")
                .replace("upstream sse_notify {", "upstream sse_notify {\n" + servers(upstreams));
        Files.writeString(dir.resolve("sse-notify.conf"), recipe);
        Files.writeString(dir.resolve("nginx.conf"), """
                worker_processes 1;
                error_log %1$s/logs/error.log warn;
                pid %1$s/nginx.pid;
                events { worker_connections 1024; }
                http {
                    access_log %1$s/logs/access.log;
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    include %1$s/sse-notify.conf;
                }
                """.formatted(dir));
        Process process = new ProcessBuilder("/usr/sbin/nginx", "-p", dir.toString(), "-c", dir.resolve("nginx.conf").toString(),
                "-g", "daemon off;")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("logs/stdout.log").toFile())
                .start();
        Nginx nginx = new Nginx(process, port, dir);
        nginx.awaitListening(Duration.ofSeconds(10));
        return nginx;
    }

    private static String servers(List<String> upstreams) {
        StringBuilder out = new StringBuilder();
        upstreams.forEach(upstream -> out.append("    server ").append(upstream).append(";\n"));
        return out.toString();
    }

    private void awaitListening(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx exited: see " + dir.resolve("logs"));
            }
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                try {
                    TimeUnit.MILLISECONDS.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalStateException("nginx did not listen on " + port + " within " + timeout);
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
