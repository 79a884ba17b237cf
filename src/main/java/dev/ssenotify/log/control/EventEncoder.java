package dev.ssenotify.log.control;

import dev.ssenotify.config.SseConfig;
import dev.ssenotify.notify.entity.ClientInfo;
import dev.ssenotify.notify.entity.EventTooLargeException;
import dev.ssenotify.notify.entity.SseEvent;
import dev.ssenotify.notify.entity.Topics;
import dev.ssenotify.web.control.Jsonp;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * Turns events into frames: serializes the data to JSON once per event and checks its size.
 * The JSON is compact, so it never holds a raw line break and always fits one {@code data:} line.
 */
@ApplicationScoped
public class EventEncoder {

    private final SseConfig config;

    private final Jsonb jsonb = JsonbBuilder.create(new JsonbConfig().withNullValues(true));
    // One generator per thread: the default one serializes every caller on a single lock, and every new
    // stream needs an id.
    private static final WireEvent HEARTBEAT = WireEvent.comment("heartbeat");
    private static final WireEvent PROBE = WireEvent.comment("ping");
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(EventEncoder::newRandom);

    /** For CDI's proxy. */
    protected EventEncoder() {
        this.config = null;
    }

    @Inject
    public EventEncoder(SseConfig config) {
        this.config = config;
    }

    @PreDestroy
    void close() {
        try {
            jsonb.close();
        } catch (Exception e) {
            // nothing left to release
        }
    }

    /** The event's data as compact JSON; throws {@link EventTooLargeException} over {@code sse.max-event-bytes}. */
    public String json(SseEvent event) {
        String json = toJson(event.data());
        int bytes = json.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > config.maxEventBytes()) {
            throw new EventTooLargeException(bytes, config.maxEventBytes());
        }
        return json;
    }

    /**
     * The frame of a logged event: its wire id is always the log id. The whole event is encoded once here,
     * and those bytes go to every stream.
     */
    public WireEvent wire(String id, String name, String json, Long retryMillis) {
        return WireEvent.event(name, id, retryMillis, json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The reserved {@code sse.gap} event: events may have been missed, so the app should refetch its state.
     * Its id is the one the stream resumes from, as on {@code sse.connected}: a client that resets its last
     * id on an event without one (httpx-sse does) still comes back from the right place.
     */
    public Frame gap(String reason, String oldestId, String resumeId) {
        String json = Jsonp.addOrNull(Jsonp.object().add("reason", reason), "oldestId", oldestId)
                .build().toString();
        byte[] data = json.getBytes(StandardCharsets.UTF_8);
        return Frame.of(Frame.Kind.CONTROL, WireEvent.event("sse.gap", resumeId, null, data));
    }

    /**
     * The first frame of every stream: the retry to use and who the server thinks the client is. Its id is
     * where the stream resumes from, so a client cut right after it comes back with a {@code Last-Event-ID}
     * and misses nothing published meanwhile.
     */
    public Frame connected(ClientInfo client, String resumeId) {
        return connected(client, Topics.NONE, resumeId);
    }

    /** As {@link #connected(ClientInfo, String)}, with {@code topics} when the stream is subscribed to some. */
    public Frame connected(ClientInfo client, Topics topics, String resumeId) {
        // Built with JSON-P: binding a map costs more than the rest of opening a stream.
        JsonObjectBuilder data = Jsonp.object().add("clientId", client.clientId());
        Jsonp.addOrNull(data, "userId", client.userId());
        Jsonp.addOrNull(data, "sessionId", client.sessionId());
        data.add("heartbeatSeconds", config.heartbeatInterval().toSeconds());
        if (!topics.isEmpty()) {
            data.add("topics", Jsonp.array(topics.names()));
        }
        String json = data.build().toString();
        long retry = config.reconnectRetry().toMillis();
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return Frame.of(Frame.Kind.CONTROL, WireEvent.event("sse.connected", resumeId, retry, bytes));
    }

    /**
     * The reserved {@code sse.subscribed} event: the stream's topics after a change. No id: it is not logged,
     * and a client keeps the id of the last event it saw.
     */
    public Frame subscribed(Topics topics) {
        byte[] data = Jsonp.object().add("topics", Jsonp.array(topics.names())).build().toString()
                .getBytes(StandardCharsets.UTF_8);
        return Frame.of(Frame.Kind.CONTROL, WireEvent.event("sse.subscribed", null, null, data));
    }

    public Frame heartbeat() {
        return Frame.of(Frame.Kind.HEARTBEAT, HEARTBEAT);
    }

    /** The cleanup sweep's write to an idle stream; told apart from heartbeats on the wire and in metrics. */
    public Frame probe() {
        return Frame.of(Frame.Kind.PROBE, PROBE);
    }

    /** A random id of 128 bits, URL-safe. */
    public String newClientId() {
        byte[] bytes = new byte[16];
        RANDOM.get().nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static SecureRandom newRandom() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (java.security.NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }

    String toJson(Object data) {
        if (data == null) {
            return "null";
        }
        if (data instanceof JsonValue value) {
            return value.toString();
        }
        return jsonb.toJson(data);
    }
}
