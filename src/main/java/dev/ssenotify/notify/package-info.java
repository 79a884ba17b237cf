/**
 * Notifications over Server-Sent Events.
 * <p>
 * <b>What it does.</b> {@code GET /api/sse} opens a stream per client; {@code SseService} (or a CDI
 * {@code Event<Notification>} fired with {@code fireAsync}) pushes named events with JSON data to one user,
 * one session, one client, every authenticated connection ({@code broadcast}) or every connection
 * ({@code all}).
 * <p>
 * <b>Rules.</b>
 * <ul>
 * <li>Each stream starts with {@code retry:} and the reserved event {@code sse.connected}
 *     ({@code clientId}, {@code userId}, {@code sessionId}, {@code heartbeatSeconds}), whose id is where
 *     the stream resumes from; the {@code sse.} prefix belongs to the server. Every frame ends with one
 *     blank line.</li>
 * <li>Data is serialized once per event and the same frame goes to every stream. Publishing only queues:
 *     each connection has a queue of at most {@code sse.client.queue-size} frames and
 *     {@code sse.client.max-buffered-bytes} bytes (counting what its socket has not yet taken), drained by
 *     one writer at a time in the Servlet's non-blocking mode beneath the JAX-RS sink
 *     ({@code sse.dispatch.direct}). A full socket parks the connection, never a thread; a client past its
 *     bytes, or whose socket takes nothing for {@code sse.client.write-timeout}, is disconnected as
 *     {@code slow-consumer}. Only the holder of a connection's output writes or closes.</li>
 * <li>A stream with a {@code clientKey} replaces the same owner's stream with that key ({@code replaced});
 *     a user at its limit has its streams probed before a 429 (with {@code Retry-After}).</li>
 * <li>One owner of connection state: {@code ConnectionRegistry}. Every connection leaves through its
 *     {@code close}, which removes it from every index and counts it once, with a reason.</li>
 * <li>Heartbeats (a comment line) every {@code sse.heartbeat.interval}; the sweep every
 *     {@code sse.cleanup.interval} removes closed sinks and probes idle ones. Only a failed write reveals
 *     a departed client.</li>
 * <li>Limits: {@code sse.max-clients-per-user} (429), {@code sse.max-clients} (503 with Retry-After).</li>
 * <li>Every event goes through the {@code EventLog}, which assigns its id (wire ids are always log ids; a
 *     publisher's id is an idempotency key per target). A stream opened with {@code Last-Event-ID} gets what
 *     it missed, then live events, with no gap and no duplicate at the switch; an id the log cannot serve
 *     gives {@code sse.gap}. User and session events also wait in offline queues until delivered
 *     ({@code sse.delivery.ack}: a write, or a client's {@code POST /api/sse/ack}).</li>
 * </ul>
 * Config keys: {@code sse.heartbeat.interval}, {@code sse.cleanup.interval}, {@code sse.reconnect.retry},
 * {@code sse.max-clients-per-user}, {@code sse.max-clients}, {@code sse.max-event-bytes},
 * {@code sse.client.queue-size}, {@code sse.client.max-buffered-bytes}, {@code sse.client.write-timeout},
 * {@code sse.dispatch.threads}, {@code sse.dispatch.direct},
 * {@code sse.replay.max-events}, {@code sse.replay.retention}, {@code sse.offline.max-events},
 * {@code sse.offline.retention},
 * {@code sse.delivery.ack}, {@code sse.delivery.ack-timeout}, {@code sse.test-endpoint.enabled},
 * {@code sse.logging.enabled}; defaults in the README.
 */
package dev.ssenotify.notify;
