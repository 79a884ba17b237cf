package dev.ssenotify.cluster.control;

import dev.ssenotify.config.SseConfig;
import dev.ssenotify.log.control.EventEncoder;
import dev.ssenotify.log.control.EventLog.Range;
import dev.ssenotify.log.control.LoggedEvent;
import dev.ssenotify.notify.entity.SseTarget;
import io.lettuce.core.Limit;
import io.lettuce.core.StreamMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The entries of the events stream as logged events: the reads the log answers directly from Redis (a range
 * for a replay, one entry, the oldest, the length), each bounded by the command timeout, and the decoding
 * of an entry, which the live read uses too.
 */
final class RedisEventEntries {

    private final ClusterConfig cluster;
    private final SseConfig config;
    private final RedisConnections redis;
    private final EventEncoder encoder;
    private final String stream;

    RedisEventEntries(ClusterConfig cluster, SseConfig config, RedisConnections redis, EventEncoder encoder,
                      String stream) {
        this.cluster = cluster;
        this.config = config;
        this.redis = redis;
        this.encoder = encoder;
        this.stream = stream;
    }

    Range readAfter(long afterSequence, long headSequence) {
        List<LoggedEvent> events = new ArrayList<>();
        boolean truncated;
        try {
            String after = RedisIds.id(afterSequence);
            List<StreamMessage<String, String>> found = redis.commands().xrange(stream,
                    io.lettuce.core.Range.create("(" + after, RedisIds.id(headSequence)), Limit.from(config.replayMaxEvents()))
                    .get(cluster.commandTimeout().toMillis(), TimeUnit.MILLISECONDS);
            for (StreamMessage<String, String> message : found) {
                events.add(toEvent(message));
            }
            LoggedEvent oldest = oldest();
            truncated = oldest != null && oldest.sequence() > afterSequence && find(afterSequence) == null;
            return new Range(events, truncated);
        } catch (Exception e) {
            throw new IllegalStateException("the event log could not be read", e);
        }
    }

    LoggedEvent oldest() {
        return first(io.lettuce.core.Range.create("-", "+"));
    }

    LoggedEvent find(long sequence) {
        if (sequence <= 0) {
            return null;
        }
        String id = RedisIds.id(sequence);
        return first(io.lettuce.core.Range.create(id, id));
    }

    private LoggedEvent first(io.lettuce.core.Range<String> range) {
        try {
            List<StreamMessage<String, String>> found = redis.commands().xrange(stream, range, Limit.from(1))
                    .get(cluster.commandTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return found.isEmpty() ? null : toEvent(found.get(0));
        } catch (Exception e) {
            throw new IllegalStateException("the event log could not be read", e);
        }
    }

    /** An entry as a logged event, its frame built here: entries from every instance carry only the fields. */
    LoggedEvent toEvent(StreamMessage<String, String> message) {
        Map<String, String> body = message.getBody();
        String retry = body.get("r");
        String coalesceKey = body.get("c");
        String id = message.getId();
        return new LoggedEvent(RedisIds.sequence(id), id, SseTarget.of(body.get("k"), body.get("t")), null,
                System.nanoTime(), encoder.wire(id, body.get("n"), body.get("d"),
                        retry == null || retry.isEmpty() ? null : Long.valueOf(retry)),
                coalesceKey == null || coalesceKey.isEmpty() ? null : coalesceKey);
    }

    /** The stream's length; -1 when Redis does not answer in time (a gauge must not fail). */
    int size() {
        try {
            return redis.commands().xlen(stream).get(cluster.commandTimeout().toMillis(), TimeUnit.MILLISECONDS).intValue();
        } catch (Exception e) {
            return -1;
        }
    }
}
