/**
 * Offline queues: user and session events wait here until delivered, for a client that is away.
 * <p>
 * <b>Rules.</b> An event counts as delivered when written ({@code sse.delivery.ack=write}) or when the client
 * acknowledges it ({@code client}, see {@link dev.ssenotify.ack}). A queue keeps at most
 * {@code sse.offline.max-events} for {@code sse.offline.retention}; all queues together at most
 * {@code sse.offline.max-bytes} ({@code OfflineBudget}: the oldest event anywhere goes first) and
 * {@code sse.offline.max-queues}. Whatever is dropped is remembered ({@code OfflineMarks}) so that its owner
 * gets {@code sse.gap} {@code offline-overflow}. A session's queue ends with the session.
 * <p>
 * Config keys: {@code sse.offline.max-events}, {@code sse.offline.retention}, {@code sse.offline.max-bytes},
 * {@code sse.offline.max-queues}, {@code sse.delivery.ack}, {@code sse.delivery.ack-timeout}.
 */
package dev.ssenotify.offline;
