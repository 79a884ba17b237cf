package dev.ssenotify.log.control;


/**
 * Where moves of the offline cursors go: applied here at once ({@link Local}), or shared through
 * Redis so that every instance applies every move in one order ({@code cluster.control.RedisEventLog}). {@code cluster.control.ClusterMode}
 * picks one with the log, so the offline queues never ask which mode they run in.
 */
public interface CursorMoves {

    /** Receives the moves, in order. */
    interface Listener {
        void accept(String inboxKey, long sequence, String via);
    }

    void publish(String inboxKey, long sequence, String via);

    void onMove(Listener listener);

    /** One instance: a move is applied as it is made. */
    final class Local implements CursorMoves {
        private volatile Listener listener = (key, sequence, via) -> { };

        @Override
        public void publish(String inboxKey, long sequence, String via) {
            listener.accept(inboxKey, sequence, via);
        }

        @Override
        public void onMove(Listener newListener) {
            listener = newListener;
        }
    }
}
