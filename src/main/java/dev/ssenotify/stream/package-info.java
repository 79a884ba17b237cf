/**
 * Streams: {@code GET /api/sse}, a connection per client, its single writer, admission limits and heartbeats.
 * <p>
 * <b>Rules.</b>
 * <ul>
 * <li>Each stream starts with {@code retry:} and the reserved event {@code sse.connected}
 *     ({@code clientId}, {@code userId}, {@code sessionId}, {@code heartbeatSeconds}), whose id is where
 *     the stream resumes from, and {@code topics} when it has some. Every frame ends with one blank line.</li>
 * <li>A stream subscribes to topics with {@code ?topic=} (checked by {@link dev.ssenotify.topics}); its
 *     {@code Connection} holds them, replaced whole by {@code Subscriptions} on a live change, which also
 *     queues the reserved {@code sse.subscribed} ({@code {"topics":[...]}}, no id, never logged). A topic
 *     event is matched through {@code TopicIndex}: exact names by lookup, only streams with a wildcard
 *     pattern one by one.</li>
 * <li>Each connection has a queue of at most {@code sse.client.queue-size} frames and
 *     {@code sse.client.max-buffered-bytes} bytes (counting what its socket has not yet taken), drained by
 *     one writer at a time in the Servlet's non-blocking mode beneath the JAX-RS sink
 *     ({@code sse.dispatch.direct}). A full socket parks the connection, never a thread; a client past its
 *     bytes, or whose socket takes nothing for {@code sse.client.write-timeout}, is disconnected as
 *     {@code slow-consumer}. Only the holder of a connection's output ({@code OutputOwnership}) writes or
 *     closes it.</li>
 * <li>One owner of connection state: {@code ConnectionRegistry}. Every connection leaves through its
 *     {@code close}, which removes it from every index and counts it once, with a reason.</li>
 * <li>A stream with a {@code clientKey} replaces the same owner's stream with that key ({@code replaced});
 *     a user at its limit has its streams probed before a 429 (with {@code Retry-After}). Limits:
 *     {@code sse.max-clients-per-user} (429, counted across instances through {@code UserLeases}),
 *     {@code sse.max-clients} (503), {@code sse.max-anonymous-per-address} and {@code sse.connect.rate}
 *     (429).</li>
 * <li>A stream opened with {@code Last-Event-ID} gets what it missed ({@code Replays}: the log, else its
 *     offline queue, else {@code sse.gap}; topic events for the topics it asks for now), then live events,
 *     with no gap and no duplicate at the switch
 *     ({@code ReplayGate}).</li>
 * </ul>
 * Config keys: {@code sse.heartbeat.interval}, {@code sse.reconnect.retry}, {@code sse.max-clients-per-user},
 * {@code sse.max-clients}, {@code sse.max-anonymous-per-address}, {@code sse.client.queue-size},
 * {@code sse.client.max-buffered-bytes}, {@code sse.client.write-timeout}, {@code sse.dispatch.threads},
 * {@code sse.dispatch.direct}, {@code sse.logging.enabled}.
 */
package dev.ssenotify.stream;
