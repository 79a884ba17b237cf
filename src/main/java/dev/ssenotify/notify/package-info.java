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
 *     a client whose queue overflows is disconnected as {@code slow-consumer}.</li>
 * <li>One owner of connection state: {@code ConnectionRegistry}. Every connection leaves through its
 *     {@code close}, which removes it from every index and counts it once, with a reason.</li>
 * <li>Heartbeats (a comment line) every {@code sse.heartbeat.interval}; the sweep every
 *     {@code sse.cleanup.interval} removes closed sinks and probes idle ones. Only a failed write reveals
 *     a departed client.</li>
 * <li>Limits: {@code sse.max-clients-per-user} (429), {@code sse.max-clients} (503 with Retry-After).</li>
 * </ul>
 * Config keys: {@code sse.heartbeat.interval}, {@code sse.cleanup.interval}, {@code sse.reconnect.retry},
 * {@code sse.max-clients-per-user}, {@code sse.max-clients}, {@code sse.max-event-bytes},
 * {@code sse.client.queue-size}, {@code sse.dispatch.threads}, {@code sse.test-endpoint.enabled},
 * {@code sse.logging.enabled}; defaults in the README.
 */
package dev.ssenotify.notify;
