package dev.ssenotify.notify.entity;

/**
 * The checks behind {@link SseTarget}'s factories, kept out of the public interface: reading a target back
 * from its wire form, and refusing a missing id or a topic that is not a concrete name.
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
            case "topic" -> SseTarget.topic(id);
            default -> throw new InvalidEventException("target", "unknown target kind: " + kind);
        };
    }

    /** A topic target needs a concrete topic name: events go to one topic, patterns only subscribe. */
    static void requireTopic(String topic) {
        try {
            TopicPattern.name(topic);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("topic", e.getMessage());
        }
    }

    /** A user, session or client target needs its id: its rules compare it with a connection's ids. */
    static void requireId(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidEventException(field, field + " is required for this target");
        }
    }
}
