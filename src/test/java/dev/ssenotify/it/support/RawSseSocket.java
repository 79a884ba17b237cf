package dev.ssenotify.it.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A stream opened over a plain socket, for clients that misbehave on purpose: one that stops reading with a
 * tiny receive buffer, or one that vanishes without a word.
 */
public final class RawSseSocket implements AutoCloseable {

    private final Socket socket;
    private final String head;

    private RawSseSocket(Socket socket, String head) {
        this.socket = socket;
        this.head = head;
    }

    /** Connects, sends the request and reads up to the end of the {@code sse.connected} event. */
    public static RawSseSocket open(URI sseUri, String authorization, int receiveBuffer) throws IOException {
        Socket socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.setSoTimeout(10_000);
        socket.connect(new InetSocketAddress(sseUri.getHost(), sseUri.getPort()), 10_000);
        OutputStream out = socket.getOutputStream();
        StringBuilder request = new StringBuilder()
                .append("GET ").append(sseUri.getRawPath()).append(" HTTP/1.1\r\n")
                .append("Host: ").append(sseUri.getHost()).append(':').append(sseUri.getPort()).append("\r\n")
                .append("Accept: text/event-stream\r\n");
        if (authorization != null) {
            request.append("Authorization: ").append(authorization).append("\r\n");
        }
        request.append("\r\n");
        out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        // Byte by byte up to the end of the connected event's JSON, so nothing after it is taken off the socket
        // (the response is chunked, so the frame's blank line may sit behind a chunk header).
        while (!connectedDataRead(seen)) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("stream ended early: " + seen.toString(StandardCharsets.UTF_8));
            }
            seen.write(b);
        }
        return new RawSseSocket(socket, seen.toString(StandardCharsets.UTF_8));
    }

    private static boolean connectedDataRead(ByteArrayOutputStream seen) {
        String text = seen.toString(StandardCharsets.UTF_8);
        int field = text.indexOf("\"heartbeatSeconds\"");
        return field >= 0 && text.indexOf('}', field) >= 0;
    }

    /** The clientId of the {@code sse.connected} event read so far. */
    public String clientId() {
        int start = head.indexOf("\"clientId\":\"") + 12;
        return head.substring(start, head.indexOf('"', start));
    }

    public String head() {
        return head;
    }

    /**
     * Reads what follows, raw (chunk framing included), until the response's terminating empty chunk; throws
     * if the socket ends or goes quiet first.
     */
    public String readToEndOfResponse() throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        while (!seen.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n0\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the socket ended before the response did: " + seen.toString(StandardCharsets.UTF_8));
            }
            seen.write(b);
        }
        return seen.toString(StandardCharsets.UTF_8);
    }

    /** Reads on until the text read contains the marker; throws if it has not come within 20 s. */
    public String readUntil(String marker) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (!seen.toString(StandardCharsets.UTF_8).contains(marker)) {
            if (System.nanoTime() > deadline) {
                throw new IOException(marker + " did not come within 20 s; read: " + seen.size() + " bytes");
            }
            int n = in.read(buffer);
            if (n < 0) {
                throw new IOException("the stream ended before " + marker + " came");
            }
            seen.write(buffer, 0, n);
        }
        return seen.toString(StandardCharsets.UTF_8);
    }

    /** Sends a GET on the same connection and returns the response's status line. */
    public String get(String path) throws IOException {
        String request = "GET " + path + " HTTP/1.1\r\nHost: " + socket.getInetAddress().getHostAddress() + "\r\n\r\n";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            line.write(b);
        }
        return line.toString(StandardCharsets.US_ASCII).trim();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
