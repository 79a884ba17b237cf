package dev.ssenotify.notify.entity;

/**
 * Who receives an event. One record per kind of target, each carrying the rules of {@link TargetRules}, so a
 * new kind is one class.
 */
public sealed interface SseTarget extends TargetRules {

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

    /** Every stream subscribed to a pattern matching the topic, anonymous ones too; never queued offline. */
    record Topic(String topic) implements SseTarget {
        public Topic {
            Targets.requireTopic(topic);
        }

        @Override
        public String kind() {
            return "topic";
        }

        @Override
        public boolean reaches(ClientInfo client, Topics topics) {
            return topics.matches(topic);
        }

        @Override
        public String indexKey() {
            return TOPIC_KEY + topic;
        }

        @Override
        public boolean replayableTo(String userId, String sessionId, Topics topics) {
            return topics.matches(topic);
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

    /** A concrete topic name ({@code orders/42}); throws {@link InvalidEventException} for a pattern. */
    static SseTarget topic(String topic) {
        return new Topic(topic);
    }

    /** The target named by a kind and an id, as {@link #kind()} and {@link #targetId()} give them. */
    static SseTarget of(String kind, String id) {
        return Targets.parse(kind, id);
    }
}
