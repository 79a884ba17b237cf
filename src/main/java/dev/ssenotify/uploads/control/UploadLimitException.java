package dev.ssenotify.uploads.control;

/** A job refused: the user's own limit ({@code perUser}, 429) or the instance's (503). */
public class UploadLimitException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final boolean perUser;

    public UploadLimitException(boolean perUser, String message) {
        super(message);
        this.perUser = perUser;
    }

    public boolean perUser() {
        return perUser;
    }
}
