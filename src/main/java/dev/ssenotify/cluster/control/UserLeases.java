package dev.ssenotify.cluster.control;

/**
 * Counts a user's connections beyond this instance, for {@code sse.max-clients-per-user}: one instance alone
 * has nothing to count beyond its own, a cluster counts them in Redis ({@link Presence}). {@link ClusterMode} picks
 * one, once, so the registry never asks which mode it runs in.
 */
public interface UserLeases {

    /** Counts the connection against the user's limit everywhere; false when the user is at it. */
    boolean reserve(String userId, String clientId, String clientKey, int maxPerUser);

    void release(String userId, String clientId, String clientKey);

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
