package dev.ssenotify.cluster.control;

import dev.ssenotify.config.SseConfig;
import dev.ssenotify.log.control.CursorMoves;
import dev.ssenotify.log.control.EventEncoder;
import dev.ssenotify.log.control.EventIds;
import dev.ssenotify.log.control.EventLog;
import dev.ssenotify.log.control.LoggedEvent;
import dev.ssenotify.notify.entity.SseTarget;
import io.lettuce.core.Limit;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.StreamMessage;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The shared log of cluster mode: a Redis Stream. Redis assigns the ids, so every instance agrees on the
 * order; a Lua script appends and checks the idempotency key in one step. Each instance reads the stream
 * from where it left off and hands events to its subscribers in stream order; that read is the only path
 * to local connections, for this instance's own events too, so order never depends on who published.
 */
@ApplicationScoped
@Typed(RedisEventLog.class)
public class RedisEventLog implements EventLog, CursorMoves {

    private static final String APPEND = """
            if KEYS[2] ~= '' then
              local earlier = redis.call('GET', KEYS[2])
              if earlier then return {earlier, 1} end
            end
            local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*',
              'o', ARGV[3], 'k', ARGV[4], 't', ARGV[5], 'n', ARGV[6], 'd', ARGV[7], 'r', ARGV[8], 'c', ARGV[9])
            if KEYS[2] ~= '' then redis.call('SET', KEYS[2], id, 'PX', ARGV[2]) end
            return {id, 0}
            """;

    @Inject
    ClusterConfig cluster;
    @Inject
    SseConfig config;
    @Inject
    RedisConnections redis;
    @Inject
    EventEncoder encoder;
    @Resource
    ManagedScheduledExecutorService scheduler;

    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final Handoff handoff = new Handoff();
    private volatile long head;
    private String stream;
    private String cursors;
    private RedisStreamReader reader;

    /**
     * Reads both streams from their start: an instance that joins rebuilds the offline queues and cursors
     * from what Redis retains, before any client of its own connects.
     */
    @PostConstruct
    void start() {
        stream = cluster.key("events");
        cursors = cluster.key("cursors");
        if (!redis.ping()) {
            throw new IllegalStateException("Redis at sse.cluster.redis.uri is not reachable");
        }
        reader = new RedisStreamReader(redis::reader, scheduler, stream, cursors, this::dispatch, this::applyCursor);
    }

    @PreDestroy
    void stop() {
        reader.stop();
    }

    /** The first subscriber starts the read, so that no event is read before someone takes it. */
    @Override
    public void subscribe(Subscriber subscriber) {
        subscribers.add(subscriber);
        if (subscribers.size() == 1) {
            reader.start();
        }
    }

    @Override
    public CompletionStage<Appended> append(SseTarget target, String idempotencyKey, String name, String json,
                                            Long retryMillis, String coalesceKey) {
        String keyKey = idempotencyKey == null ? "" : cluster.key("idem:" + Integer.toHexString(idempotencyKey.hashCode())
                + ":" + idempotencyKey.length() + ":" + sanitize(idempotencyKey));
        String[] keys = {stream, keyKey};
        String[] args = {
            String.valueOf(config.replayMaxEvents()),
            String.valueOf(config.replayRetention().toMillis()),
            cluster.instanceId(),
            target.kind(),
            target.targetId(),
            name,
            json,
            retryMillis == null ? "" : String.valueOf(retryMillis),
            coalesceKey == null ? "" : coalesceKey};
        CompletableFuture<Appended> appended = new CompletableFuture<>();
        redis.commands().<List<Object>>eval(APPEND, ScriptOutputType.MULTI, keys, args)
                .whenComplete((reply, error) -> {
                    if (error != null) {
                        appended.completeExceptionally(error);
                        return;
                    }
                    String id = (String) reply.get(0);
                    boolean duplicate = ((Long) reply.get(1)) == 1L;
                    LoggedEvent event = new LoggedEvent(RedisIds.sequence(id), id, target, idempotencyKey, System.nanoTime());
                    if (duplicate) {
                        appended.complete(new Appended(event, true, 0));
                    } else {
                        awaitLocalDispatch(id, event, appended);
                    }
                });
        return appended;
    }

    // The read that queues the event here may come before or after this reply; the receipt must not wait
    // forever on a read that is retrying: then the event reaches local streams once the read resumes.
    private void awaitLocalDispatch(String id, LoggedEvent event, CompletableFuture<Appended> appended) {
        if (!handoff.replied(event, appended)) {
            scheduler.schedule(() -> handoff.giveUp(id), cluster.commandTimeout().toMillis() * 2, TimeUnit.MILLISECONDS);
        }
    }

    private void dispatch(StreamMessage<String, String> message) {
        LoggedEvent event = toEvent(message);
        int queued = 0;
        for (Subscriber subscriber : subscribers) {
            queued += subscriber.onEvent(event);
        }
        head = event.sequence();
        if (cluster.instanceId().equals(message.getBody().get("o"))) {
            handoff.dispatched(event.id(), queued);
        }
    }

    /** Shares a cursor move with every instance (this one included, through its read). */
    @Override
    public void publish(String inboxKey, long sequence, String via) {
        redis.commands().xadd(cursors, io.lettuce.core.XAddArgs.Builder.maxlen(10_000).approximateTrimming(),
                Map.of("key", inboxKey, "seq", RedisIds.id(sequence), "via", via));
    }

    private void applyCursor(StreamMessage<String, String> message) {
        Map<String, String> body = message.getBody();
        EventIds.Parsed parsed = RedisIds.parse(body.get("seq"));
        if (parsed instanceof EventIds.Known known) {
            cursorListener.accept(body.get("key"), known.sequence(), body.get("via"));
        }
    }

    private volatile Listener cursorListener = (key, sequence, via) -> { };

    /** Receives the cursor moves read from the shared stream, in order. */
    @Override
    public void onMove(Listener listener) {
        cursorListener = listener;
    }

    @Override
    public long head() {
        return head;
    }

    @Override
    public Range readAfter(long afterSequence, long headSequence) {
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

    @Override
    public LoggedEvent oldest() {
        return first(io.lettuce.core.Range.create("-", "+"));
    }

    @Override
    public LoggedEvent find(long sequence) {
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

    private LoggedEvent toEvent(StreamMessage<String, String> message) {
        Map<String, String> body = message.getBody();
        String retry = body.get("r");
        String coalesceKey = body.get("c");
        LoggedEvent event = new LoggedEvent(RedisIds.sequence(message.getId()), message.getId(),
                SseTarget.of(body.get("k"), body.get("t")), null, System.nanoTime());
        event.frame(encoder.frame(event, body.get("n"), body.get("d"),
                retry == null || retry.isEmpty() ? null : Long.valueOf(retry),
                coalesceKey == null || coalesceKey.isEmpty() ? null : coalesceKey));
        return event;
    }

    @Override
    public EventIds.Parsed parse(String id) {
        return RedisIds.parse(id);
    }

    @Override
    public String idOf(long sequence) {
        return RedisIds.id(sequence);
    }

    @Override
    public int expire() {
        long minId = System.currentTimeMillis() - config.replayRetention().toMillis();
        redis.commands().xtrim(stream, io.lettuce.core.XTrimArgs.Builder.minId(minId + "-0").approximateTrimming());
        handoff.forgetOlderThan(TimeUnit.MINUTES.toNanos(1));
        return 0;
    }

    @Override
    public int size() {
        try {
            return redis.commands().xlen(stream).get(cluster.commandTimeout().toMillis(), TimeUnit.MILLISECONDS).intValue();
        } catch (Exception e) {
            return -1;
        }
    }

    // Keys stay readable; the hash and length keep distinct keys apart.
    private static String sanitize(String key) {
        return key.replaceAll("[^A-Za-z0-9._:-]", "_");
    }
}
