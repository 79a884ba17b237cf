package dev.ssenotify.notify.entity;

/**
 * The rules every kind of {@link SseTarget} carries: who it reaches live, on replay and offline, and how its
 * connections are found. Only {@code SseTarget} extends it; each of its records implements the rules for
 * its kind.
 */
public sealed interface TargetRules permits SseTarget {

    /** Prefixes of {@link #indexKey()}, two characters each: the kind of owner, then its id. */
    String USER_KEY = "u:";
    String SESSION_KEY = "s:";
    String CLIENT_KEY = "c:";
    String TOPIC_KEY = "t:";

    /** The wire name of the target kind, as used by {@code POST /api/sse-test}. */
    String kind();

    /**
     * The user, session or client id, or the topic: the {@link #indexKey()} after its prefix; empty for
     * broadcast and all.
     */
    default String targetId() {
        String key = indexKey();
        return key == null ? "" : key.substring(2);
    }

    /** Whether an event for this target goes to this connection, whatever its topics. */
    default boolean reaches(ClientInfo client) {
        return false;
    }

    /** Whether an event for this target goes to this connection, subscribed to these topics. */
    default boolean reaches(ClientInfo client, Topics topics) {
        return reaches(client);
    }

    /**
     * The key its connections are indexed under ({@code u:alice}, {@code t:orders/42}); null: found by looking
     * at every connection.
     */
    default String indexKey() {
        return null;
    }

    /** The offline queue that keeps its events for a client that is away ({@code u:}, {@code s:}); null: none. */
    default String inboxKey() {
        return null;
    }

    /**
     * Whether a reconnecting stream of this user and session may be replayed the event (never a client's
     * event), whatever its topics; also who may acknowledge it.
     */
    default boolean replayableTo(String userId, String sessionId) {
        return false;
    }

    /** Whether a reconnecting stream of this user and session, subscribed to these topics, may be replayed it. */
    default boolean replayableTo(String userId, String sessionId, Topics topics) {
        return replayableTo(userId, sessionId);
    }
}
