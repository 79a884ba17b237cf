package dev.ssenotify.notify.entity;

/** Who receives an event. One record per kind of target, each carrying the rules below, so a new kind is one class. */
public sealed interface SseTarget {

    /** Every connection of one authenticated user. */
    record User(String userId) implements SseTarget {
        public User {
            Targets.requireId("userId", userId);
        }

        @Override
        public String kind() {
            return "user";
        }

        @Override
        public String targetId() {
            return userId;
        }

        @Override
        public boolean reaches(ClientInfo client) {
            return userId.equals(client.userId());
        }

        @Override
        public String indexKey() {
            return USER_KEY + userId;
        }

        @Override
        public String inboxKey() {
            return indexKey();
        }

        @Override
        public boolean replayableTo(String user, String session) {
            return userId.equals(user);
        }
    }

    /** Every connection opened from one HTTP session (the opaque id sse-notify keeps in the session). */
    record Session(String sessionId) implements SseTarget {
        public Session {
            Targets.requireId("sessionId", sessionId);
        }

        @Override
        public String kind() {
            return "session";
        }

        @Override
        public String targetId() {
            return sessionId;
        }

        @Override
        public boolean reaches(ClientInfo client) {
            return sessionId.equals(client.sessionId());
        }

        @Override
        public String indexKey() {
            return SESSION_KEY + sessionId;
        }

        @Override
        public String inboxKey() {
            return indexKey();
        }

        @Override
        public boolean replayableTo(String user, String session) {
            return sessionId.equals(session);
        }
    }

    /** Exactly one connection; never replayed nor queued offline, since a new stream is a new connection. */
    record Client(String clientId) implements SseTarget {
        public Client {
            Targets.requireId("clientId", clientId);
        }

        @Override
        public String kind() {
            return "client";
        }

        @Override
        public String targetId() {
            return clientId;
        }

        @Override
        public boolean reaches(ClientInfo client) {
            return clientId.equals(client.clientId());
        }

        @Override
        public String indexKey() {
            return CLIENT_KEY + clientId;
        }
    }

    /** Every authenticated connection; anonymous ones are left out. */
    record Broadcast() implements SseTarget {
        @Override
        public String kind() {
            return "broadcast";
        }

        @Override
        public boolean reaches(ClientInfo client) {
            return client.authenticated();
        }

        @Override
        public boolean replayableTo(String user, String session) {
            return user != null;
        }
    }

    /** Every connection, anonymous included. */
    record All() implements SseTarget {
        @Override
        public String kind() {
            return "all";
        }

        @Override
        public boolean reaches(ClientInfo client) {
            return true;
        }

        @Override
        public boolean replayableTo(String user, String session) {
            return true;
        }
    }

    /** Prefixes of {@link #indexKey()}: the kind of owner, then its id. */
    String USER_KEY = "u:";
    String SESSION_KEY = "s:";
    String CLIENT_KEY = "c:";

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

    /** Whether an event for this target goes to this connection. */
    boolean reaches(ClientInfo client);

    /** The key its connections are indexed under ({@code u:alice}); null: found by looking at every connection. */
    default String indexKey() {
        return null;
    }

    /** The offline queue that keeps its events for a client that is away ({@code u:}, {@code s:}); null: none. */
    default String inboxKey() {
        return null;
    }

    /** Whether a reconnecting stream of this user and session may be replayed the event (see {@link Client}). */
    default boolean replayableTo(String userId, String sessionId) {
        return false;
    }

    /** The target named by a kind and an id, as {@link #kind()} and {@link #targetId()} give them. */
    static SseTarget of(String kind, String id) {
        return Targets.parse(kind, id);
    }
}
