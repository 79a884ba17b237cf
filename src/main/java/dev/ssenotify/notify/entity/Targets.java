package dev.ssenotify.notify.entity;

/**
 * The checks behind {@link SseTarget}'s factories, kept out of the public interface: reading a target back
 * from its wire form, and refusing a missing id.
 */
final class Targets {

    private Targets() {
    }

    /** The target of a {@link SseTarget#kind()} and {@link SseTarget#targetId()}; an unknown kind is invalid. */
    static SseTarget parse(String kind, String id) {
        return switch (kind) {
            case "user" -> SseTarget.user(id);
            case "session" -> SseTarget.session(id);
            case "client" -> SseTarget.client(id);
            case "broadcast" -> SseTarget.broadcast();
            case "all" -> SseTarget.all();
            default -> throw new InvalidEventException("target", "unknown target kind: " + kind);
        };
    }

    /** A user, session or client target needs its id: its rules compare it with a connection's ids. */
    static void requireId(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidEventException(field, field + " is required for this target");
        }
    }
}
