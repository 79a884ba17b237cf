package dev.ssenotify.notify.entity;

/**
 * Who receives an event. One record per kind of target.
 */
public sealed interface SseTarget {

    /** Every connection of one authenticated user. */
    record User(String userId) implements SseTarget {
        public User {
            requireId("userId", userId);
        }

        @Override
        public String kind() {
            return "user";
        }

        @Override
        public String targetId() {
            return userId;
        }
    }

    /** Every connection opened from one HTTP session (the opaque id sse-notify keeps in the session). */
    record Session(String sessionId) implements SseTarget {
        public Session {
            requireId("sessionId", sessionId);
        }

        @Override
        public String kind() {
            return "session";
        }

        @Override
        public String targetId() {
            return sessionId;
        }
    }

    /** Exactly one connection. */
    record Client(String clientId) implements SseTarget {
        public Client {
            requireId("clientId", clientId);
        }

        @Override
        public String kind() {
            return "client";
        }

        @Override
        public String targetId() {
            return clientId;
        }
    }

    /** Every authenticated connection; anonymous ones are left out. */
    record Broadcast() implements SseTarget {
        @Override
        public String kind() {
            return "broadcast";
        }
    }

    /** Every connection, anonymous included. */
    record All() implements SseTarget {
        @Override
        public String kind() {
            return "all";
        }
    }

    static SseTarget user(String userId) {
        return new User(userId);
    }

    static SseTarget session(String sessionId) {
        return new Session(sessionId);
    }

    static SseTarget client(String clientId) {
        return new Client(clientId);
    }

    static SseTarget broadcast() {
        return new Broadcast();
    }

    static SseTarget all() {
        return new All();
    }

    /** The wire name of the target kind, as used by {@code POST /api/sse-test}. */
    String kind();

    /** The user, session or client id; empty for broadcast and all. */
    default String targetId() {
        return "";
    }

    /** The target named by a kind and an id, as {@link #kind()} and {@link #targetId()} give them. */
    static SseTarget of(String kind, String id) {
        return switch (kind) {
            case "user" -> user(id);
            case "session" -> session(id);
            case "client" -> client(id);
            case "broadcast" -> broadcast();
            case "all" -> all();
            default -> throw new InvalidEventException("target", "unknown target kind: " + kind);
        };
    }

    private static void requireId(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidEventException(field, field + " is required for this target");
        }
    }
}
