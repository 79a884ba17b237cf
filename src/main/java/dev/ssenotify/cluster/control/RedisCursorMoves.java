package dev.ssenotify.cluster.control;

import dev.ssenotify.log.control.CursorMoves;
import dev.ssenotify.log.control.EventIds;
import io.lettuce.core.StreamMessage;
import java.util.Map;

/**
 * The cursor-moves stream: a move is published to Redis and applied when the shared read brings it back,
 * on this instance too, so every instance applies every move in the one order of the stream.
 */
final class RedisCursorMoves implements CursorMoves {

    private final RedisConnections redis;
    private final String cursors;
    private volatile Listener cursorListener = (key, sequence, via) -> { };

    RedisCursorMoves(RedisConnections redis, String cursors) {
        this.redis = redis;
        this.cursors = cursors;
    }

    /** Shares a cursor move with every instance (this one included, through its read). */
    @Override
    public void publish(String inboxKey, long sequence, String via) {
        redis.commands().xadd(cursors, io.lettuce.core.XAddArgs.Builder.maxlen(10_000).approximateTrimming(),
                Map.of("key", inboxKey, "seq", RedisIds.id(sequence), "via", via));
    }

    /** A move the read brought back; one whose sequence is not an id is passed over. */
    void apply(StreamMessage<String, String> message) {
        Map<String, String> body = message.getBody();
        EventIds.Parsed parsed = RedisIds.parse(body.get("seq"));
        if (parsed instanceof EventIds.Known known) {
            cursorListener.accept(body.get("key"), known.sequence(), body.get("via"));
        }
    }

    /** Receives the cursor moves read from the shared stream, in order. */
    @Override
    public void onMove(Listener listener) {
        cursorListener = listener;
    }
}
