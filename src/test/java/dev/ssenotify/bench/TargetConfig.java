package dev.ssenotify.bench;

import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Everything server specific, read from a properties file (bench/app.properties, bench/nchan.properties) so
 * that the scenarios never know which server they drive.
 */
final class TargetConfig {

    private final Properties p;

    TargetConfig(Properties properties) {
        this.p = properties;
    }

    static TargetConfig load(Path file, Map<String, String> overrides) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        overrides.forEach(properties::setProperty);
        return new TargetConfig(properties);
    }

    String name() {
        return required("name");
    }

    /** "java" servers get heap figures through jcmd; others only RSS. */
    boolean javaServer() {
        return "java".equals(p.getProperty("server.kind", ""));
    }

    StreamSpec streams() {
        return stream("stream");
    }

    StreamSpec userStreams() {
        return stream(p.containsKey("user-stream.url") ? "user-stream" : "stream");
    }

    Publisher broadcast() {
        return publisher("publish");
    }

    Publisher userPublish() {
        return publisher(p.containsKey("user-publish.body") ? "user-publish" : "publish");
    }

    /** A path the server does not map, for the floor under event latency; null when the target has none. */
    FloorProbe floor() {
        String url = p.getProperty("floor.url", "");
        return url.isBlank() ? null : new FloorProbe(URI.create(url));
    }

    /** How many streams the server holds, when the target says where to read it; else null. */
    StreamCount streamCount() {
        String url = p.getProperty("stream-count.url", "");
        if (url.isBlank()) {
            return null;
        }
        return new StreamCount(URI.create(url), basic(p.getProperty("stream-count.user")),
                required("stream-count.field"),
                java.time.Duration.ofSeconds(Long.parseLong(p.getProperty("stream-count.timeout-seconds", "120"))));
    }

    List<InetAddress> sources() {
        List<InetAddress> sources = new ArrayList<>();
        for (String s : p.getProperty("source.addresses", "").split(",")) {
            if (!s.isBlank()) {
                sources.add(Loopback.require(s.trim()));
            }
        }
        return sources;
    }

    private StreamSpec stream(String prefix) {
        String ready = p.getProperty(prefix + ".ready-event", p.getProperty("stream.ready-event", ""));
        return new StreamSpec(URI.create(required(prefix + ".url")), basic(p.getProperty(prefix + ".user")),
                ready.isBlank() ? null : ready,
                new RoundExtractor(p.getProperty("event.name", ""), p.getProperty("round.key", "round")));
    }

    private Publisher publisher(String prefix) {
        return new Publisher(p.getProperty(prefix + ".method", p.getProperty("publish.method", "POST")),
                URI.create(p.getProperty(prefix + ".url", required("publish.url"))),
                basic(p.getProperty(prefix + ".user", p.getProperty("publish.user"))),
                p.getProperty("publish.content-type", "application/json"),
                new Template(required(prefix + ".body")));
    }

    private String required(String key) {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing setting " + key);
        }
        return value;
    }

    private static String basic(String userColonPassword) {
        if (userColonPassword == null || userColonPassword.isBlank()) {
            return null;
        }
        return "Basic " + Base64.getEncoder().encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8));
    }
}
