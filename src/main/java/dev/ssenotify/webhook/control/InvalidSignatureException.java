package dev.ssenotify.webhook.control;

/** A webhook whose {@code Mux-Signature} is missing, malformed, out of the tolerance window or wrong. */
public class InvalidSignatureException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidSignatureException(String message) {
        super(message);
    }
}
