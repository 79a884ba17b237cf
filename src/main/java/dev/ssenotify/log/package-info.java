/**
 * The event log: every event's id, its bytes (serialized once) and the window replays are served from.
 * <p>
 * <b>Rules.</b> Every event goes through the {@code EventLog}, which assigns its id: wire ids are always log
 * ids, a publisher's id is an idempotency key per target. {@code LoggedEvent}, {@code WireEvent} and
 * {@code Frame} are bytes built once and shared by every stream. The embedded log ({@code InMemoryEventLog})
 * keeps the last {@code sse.replay.max-events} for {@code sse.replay.retention}; cluster mode's log is a
 * Redis Stream ({@link dev.ssenotify.cluster}). {@code EventIds} tells a known id from one the log can no
 * longer serve.
 * <p>
 * Config keys: {@code sse.max-event-bytes}, {@code sse.replay.max-events}, {@code sse.replay.retention}.
 */
package dev.ssenotify.log;
