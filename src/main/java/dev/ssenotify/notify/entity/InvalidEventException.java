package dev.ssenotify.notify.entity;

/**
 * An event or target that cannot be sent as given; {@link #field()} names the offending input.
 */
public class InvalidEventException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;
    private final String field;

    public InvalidEventException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
