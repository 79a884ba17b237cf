package dev.ssenotify.bench;

/** The server sent bytes that are not the HTTP or event-stream framing we expect. */
final class ProtocolException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ProtocolException(String message) {
        super(message);
    }
}
