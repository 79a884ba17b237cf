package dev.ssenotify.notify.control;

import dev.ssenotify.cluster.control.ClusterConfig;
import dev.ssenotify.cluster.control.RedisConnections;
import dev.ssenotify.notify.entity.SseTarget;
import io.lettuce.core.Limit;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The shared log of cluster mode: a Redis Stream. Redis assigns the ids, so every instance agrees on the
 * order; a Lua script appends and checks the idempotency key in one step. Each instance reads the stream
 * from where it left off and hands events to its subscribers in stream order; that read is the only path
 * to local connections, for this instance's own events too, so order never depends on who published.
 */
@ApplicationScoped
@Typed(RedisEventLog.class)
public class RedisEventLog implements EventLog {

    private static final Logger LOG = Logger.getLogger("dev.ssenotify.cluster");
    private static final String APPEND = """
            if KEYS[2] ~= '' then
              local earlier = redis.call('GET', KEYS[2])
              if earlier then return {earlier, 1} end
            end
            local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*',
              'o', ARGV[3], 'k', ARGV[4], 't', ARGV[5], 'n', ARGV[6], 'd', ARGV[7], 'r', ARGV[8])
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
    // This instance's appends, waiting for the stream read to hand them to local connections.
    private final Map<String, Object> handoff = new ConcurrentHashMap<>();
    private volatile long head;
    private volatile String readFrom = "0-0";
    private volatile String cursorsFrom = "0-0";
    private volatile boolean running = true;
    private volatile boolean readerHealthy;
    private String stream;
    private String cursors;

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
    }

    @PreDestroy
    void stop() {
        running = false;
    }

    /** The first subscriber starts the read, so that no event is read before someone takes it. */
    @Override
    public void subscribe(Subscriber subscriber) {
        subscribers.add(subscriber);
        if (subscribers.size() == 1) {
            readNext();
        }
    }

    @Override
    public CompletionStage<Appended> append(SseTarget target, String idempotencyKey, String name, String json,
                                            Long retryMillis) {
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
            retryMillis == null ? "" : String.valueOf(retryMillis)};
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

    // Hands the result over once the stream read has queued it here; whichever side comes second completes.
    private void awaitLocalDispatch(String id, LoggedEvent event, CompletableFuture<Appended> appended) {
        Object[] dispatched = {null};
        handoff.compute(id, (k, v) -> {
            if (v instanceof Integer queued) {
                dispatched[0] = queued;
                return null;
            }
            return new Object[]{event, appended};
        });
        if (dispatched[0] != null) {
            appended.complete(new Appended(event, false, (Integer) dispatched[0]));
            return;
        }
        // Stored in Redis but not read back yet (the read is retrying): the receipt must not wait forever.
        // The event reaches local streams once the read resumes; until then it is queued nowhere here.
        scheduler.schedule(() -> {
            if (handoff.remove(id) != null) {
                appended.complete(new Appended(event, false, 0));
            }
        }, cluster.commandTimeout().toMillis() * 2, TimeUnit.MILLISECONDS);
    }

    private void readNext() {
        if (!running) {
            return;
        }
        redis.reader().xread(XReadArgs.Builder.block(10_000).count(500),
                        XReadArgs.StreamOffset.from(stream, readFrom), XReadArgs.StreamOffset.from(cursors, cursorsFrom))
                .whenComplete((messages, error) -> {
                    if (error != null) {
                        if (readerHealthy) {
                            LOG.log(Level.WARNING, "Reading the event stream failed; retrying: {0}", error.toString());
                        }
                        readerHealthy = false;
                        if (running) {
                            scheduler.schedule(this::readNext, 500, TimeUnit.MILLISECONDS);
                        }
                        return;
                    }
                    readerHealthy = true;
                    if (messages != null) {
                        messages.forEach(this::handle);
                    }
                    readNext();
                });
    }

    // One entry that cannot be handled is logged and passed, so that it cannot stall the stream forever.
    private void handle(StreamMessage<String, String> message) {
        try {
            if (cursors.equals(message.getStream())) {
                applyCursor(message);
            } else {
                dispatch(message);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Skipping stream entry " + message.getId() + " that could not be handled", e);
            if (cursors.equals(message.getStream())) {
                cursorsFrom = message.getId();
            } else {
                readFrom = message.getId();
            }
        }
    }

    private void dispatch(StreamMessage<String, String> message) {
        String id = message.getId();
        LoggedEvent event = toEvent(message);
        int queued = 0;
        for (Subscriber subscriber : subscribers) {
            queued += subscriber.onEvent(event);
        }
        head = event.sequence();
        readFrom = id;
        if (cluster.instanceId().equals(message.getBody().get("o"))) {
            int count = queued;
            Object[] waiting = {null};
            handoff.compute(id, (k, v) -> {
                if (v instanceof Object[] pending) {
                    waiting[0] = pending;
                    return null;
                }
                return count;
            });
            if (waiting[0] instanceof Object[] pending) {
                @SuppressWarnings("unchecked")
                CompletableFuture<Appended> future = (CompletableFuture<Appended>) pending[1];
                future.complete(new Appended((LoggedEvent) pending[0], false, count));
            }
        }
    }

    /** Shares a cursor move with every instance (this one included, through its read). */
    void publishCursor(String inboxKey, long sequence, String via) {
        redis.commands().xadd(cursors, io.lettuce.core.XAddArgs.Builder.maxlen(10_000).approximateTrimming(),
                Map.of("key", inboxKey, "seq", RedisIds.id(sequence), "via", via));
    }

    private void applyCursor(StreamMessage<String, String> message) {
        cursorsFrom = message.getId();
        Map<String, String> body = message.getBody();
        EventIds.Parsed parsed = RedisIds.parse(body.get("seq"));
        if (parsed instanceof EventIds.Known known) {
            cursorListener.accept(body.get("key"), known.sequence(), body.get("via"));
        }
    }

    /** Receives cursor moves read from the shared stream, in order. */
    interface CursorListener {
        void accept(String inboxKey, long sequence, String via);
    }

    private volatile CursorListener cursorListener = (key, sequence, via) -> { };

    void onCursor(CursorListener listener) {
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
            return new Range(events, oldest == null ? 0 : oldest.sequence(), headSequence, truncated);
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
        LoggedEvent event = new LoggedEvent(RedisIds.sequence(message.getId()), message.getId(),
                SseTarget.of(body.get("k"), body.get("t")), null, System.nanoTime());
        event.frame(encoder.frame(event, body.get("n"), body.get("d"),
                retry == null || retry.isEmpty() ? null : Long.valueOf(retry)));
        return event;
    }

    @Override
    public EventIds.Parsed parse(String id) {
        return RedisIds.parse(id);
    }

    @Override
    public int expire() {
        long minId = System.currentTimeMillis() - config.replayRetention().toMillis();
        redis.commands().xtrim(stream, io.lettuce.core.XTrimArgs.Builder.minId(minId + "-0").approximateTrimming());
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
