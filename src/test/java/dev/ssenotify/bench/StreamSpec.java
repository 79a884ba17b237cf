package dev.ssenotify.bench;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * How to open one kind of stream: where, as whom, when it counts as subscribed, and how to find the round
 * in its events.
 *
 * @param authorization a full Authorization header value, or null for anonymous streams
 * @param readyEvent the event that says the server registered the stream; null means the response head does
 */
record StreamSpec(URI uri, String authorization, String readyEvent, RoundExtractor rounds) {

    StreamSpec {
        Loopback.require(uri);
    }

    InetSocketAddress address() {
        return new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort());
    }

    byte[] request() {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            path += "?" + uri.getRawQuery();
        }
        StringBuilder r = new StringBuilder()
                .append("GET ").append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(uri.getHost()).append(':').append(address().getPort()).append("\r\n")
                .append("Accept: text/event-stream\r\n")
                .append("Cache-Control: no-cache\r\n");
        if (authorization != null) {
            r.append("Authorization: ").append(authorization).append("\r\n");
        }
        return r.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
