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
 *     ({@code clientId}, {@code userId}, {@code sessionId}, {@code heartbeatSeconds}); the {@code sse.}
 *     prefix belongs to the server.</li>
 * <li>Data is serialized once per event and the same frame goes to every stream. Publishing only queues:
 *     each connection has a queue of {@code sse.client.queue-size} frames, drained by one writer at a time;
 *     a client whose queue overflows is disconnected as {@code slow-consumer}. Once a stream's sink has
 *     started the response, its frames go as bytes to the servlet stream beneath it
 *     ({@code sse.dispatch.direct}); only the holder of the writer flag writes or closes.</li>
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
 * {@code sse.client.queue-size}, {@code sse.dispatch.threads}, {@code sse.dispatch.direct},
 * {@code sse.replay.max-events}, {@code sse.replay.retention}, {@code sse.offline.max-events},
 * {@code sse.offline.retention},
 * {@code sse.delivery.ack}, {@code sse.delivery.ack-timeout}, {@code sse.test-endpoint.enabled},
 * {@code sse.logging.enabled}; defaults in the README.
 */
package dev.ssenotify.notify;
