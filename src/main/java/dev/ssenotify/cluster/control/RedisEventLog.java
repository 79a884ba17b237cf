package dev.ssenotify.cluster.control;

import dev.ssenotify.config.SseConfig;
import dev.ssenotify.log.control.CursorMoves;
import dev.ssenotify.log.control.EventEncoder;
import dev.ssenotify.log.control.EventIds;
import dev.ssenotify.log.control.EventLog;
import dev.ssenotify.log.control.LoggedEvent;
import dev.ssenotify.notify.entity.SseTarget;
import io.lettuce.core.StreamMessage;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The shared log of cluster mode: a Redis Stream. Redis assigns the ids, so every instance agrees on the
 * order; a Lua script appends and checks the idempotency key in one step ({@link RedisAppendScript}). Each
 * instance reads the stream from where it left off and hands events to its subscribers in stream order;
 * that read is the only path to local connections, for this instance's own events too, so order never
 * depends on who published. Range reads go to Redis ({@link RedisEventEntries}); cursor moves travel on a
 * second stream ({@link RedisCursorMoves}).
 */
@ApplicationScoped
@Typed(RedisEventLog.class)
public class RedisEventLog implements EventLog, CursorMoves {

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
    private RedisAppendScript appendScript;
    private RedisEventEntries entries;
    private RedisCursorMoves cursorMoves;
    private RedisStreamReader reader;

    /**
     * Reads both streams from their start: an instance that joins rebuilds the offline queues and cursors
     * from what Redis retains, before any client of its own connects.
     */
    @PostConstruct
    void start() {
        stream = cluster.key("events");
        String cursors = cluster.key("cursors");
        appendScript = new RedisAppendScript(cluster, config, redis, stream);
        entries = new RedisEventEntries(cluster, config, redis, encoder, stream);
        cursorMoves = new RedisCursorMoves(redis, cursors);
        // A blocked read must end before the command timeout, which Lettuce applies to every command.
        long block = Math.max(100, cluster.commandTimeout().toMillis() / 2);
        reader = new RedisStreamReader(redis::reader, scheduler, stream, cursors, block, this::dispatch, cursorMoves::apply);
    }

    @PreDestroy
    void stop() {
        reader.stop();
    }

    /** True once this instance has read everything the shared streams held, until a read fails. */
    boolean caughtUp() {
        return reader.caughtUp();
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
        CompletableFuture<Appended> appended = new CompletableFuture<>();
        appendScript.run(target, idempotencyKey, name, json, retryMillis, coalesceKey)
                .whenComplete((reply, error) -> {
                    if (error != null) {
                        appended.completeExceptionally(error);
                        return;
                    }
                    RedisAppendScript.Reply answer = RedisAppendScript.Reply.of(reply);
                    String id = answer.id();
                    LoggedEvent event = new LoggedEvent(RedisIds.sequence(id), id, target, idempotencyKey, System.nanoTime());
                    if (answer.duplicate()) {
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
        LoggedEvent event = entries.toEvent(message);
        // Before the fan-out, as in the embedded log: a stream reading this head replays the event (it is in
        // Redis already); one that read an older head was registered before the fan-out looks for streams.
        head = event.sequence();
        int queued = 0;
        for (Subscriber subscriber : subscribers) {
            queued += subscriber.onEvent(event);
        }
        if (cluster.instanceId().equals(message.getBody().get("o"))) {
            handoff.dispatched(event.id(), queued);
        }
    }

    /** Shares a cursor move with every instance (this one included, through its read). */
    @Override
    public void publish(String inboxKey, long sequence, String via) {
        cursorMoves.publish(inboxKey, sequence, via);
    }

    /** Receives the cursor moves read from the shared stream, in order. */
    @Override
    public void onMove(Listener listener) {
        cursorMoves.onMove(listener);
    }

    @Override
    public long head() {
        return head;
    }

    @Override
    public Range readAfter(long afterSequence, long headSequence) {
        return entries.readAfter(afterSequence, headSequence);
    }

    @Override
    public LoggedEvent oldest() {
        return entries.oldest();
    }

    @Override
    public LoggedEvent find(long sequence) {
        return entries.find(sequence);
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
        handoff.forgetOlderThan(TimeUnit.MINUTES.toNanos(1));
        long minId = System.currentTimeMillis() - config.replayRetention().toMillis();
        try {
            redis.commands().xtrim(stream, io.lettuce.core.XTrimArgs.Builder.minId(minId + "-0").approximateTrimming());
        } catch (RuntimeException redisAway) {
            // Trimming can wait for the next sweep; the rest of this one (local queues, probes) must not.
        }
        return 0;
    }

    @Override
    public int size() {
        return entries.size();
    }
}
