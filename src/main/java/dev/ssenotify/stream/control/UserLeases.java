package dev.ssenotify.stream.control;

/**
 * Counts a user's connections beyond this instance, for {@code sse.max-clients-per-user}: one instance alone
 * has nothing to count beyond its own, a cluster counts them in Redis ({@code cluster.control.Presence}). {@code cluster.control.ClusterMode} picks
 * one, once, so the registry never asks which mode it runs in.
 */
public interface UserLeases {

    /** Counts the connection against the user's limit everywhere; false when the user is at it. */
    boolean reserve(String userId, String clientId, String clientKey, int maxPerUser);

    void release(String userId, String clientId, String clientKey);

    /** A connection's lease name: its client id, or with a client key {@code clientId/key}, so that a keyed
     *  lease takes the place of the same key's lease wherever it was. */
    static String lease(String clientId, String clientKey) {
        return clientKey == null ? clientId : clientId + "/" + clientKey;
    }

    /** The embedded mode's: every instance is the only one. */
    UserLeases NONE = new UserLeases() {
        @Override
        public boolean reserve(String userId, String clientId, String clientKey, int maxPerUser) {
            return true;
        }

        @Override
        public void release(String userId, String clientId, String clientKey) {
        }
    };
}
