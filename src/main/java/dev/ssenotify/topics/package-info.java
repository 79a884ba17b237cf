/**
 * Topic subscriptions: who may subscribe to which topics, and changing a live stream's topics.
 * <p>
 * <b>What it does.</b> {@code GET /api/sse?topic=...} subscribes a new stream ({@code TopicAccess}, called by
 * {@code stream/boundary/SseResource}); {@code POST /api/sse/subscriptions}
 * ({@code {"clientId","add":[],"remove":[]}}) changes one of the caller's own live streams and answers
 * {@code {"clientId","topics":[...]}}; the stream gets {@code sse.subscribed}. The patterns and their matching
 * are {@code notify/entity} values ({@code TopicPattern}, {@code Topics}); the subscriber index lives in
 * {@code stream/control}.
 * <p>
 * <b>Rules.</b>
 * <ul>
 * <li>A requested pattern is allowed when a granted one covers it (every topic it matches, the grant
 *     matches): grants are {@code sse.topics.public} (everyone, anonymous too), {@code sse.topics.role.<role>}
 *     for callers in the role, and the token's {@code sse_subscribe} claim; {@code sse-admin} may subscribe to
 *     anything ({@code TopicPolicy}).</li>
 * <li>Malformed or more than {@code sse.topics.max-per-stream}: 400; refused: 403 naming the pattern; an
 *     unknown stream and someone else's: the same 404. A refused change changes nothing.</li>
 * <li>The roles of the mapping (and {@code sse-publisher}) are declared at startup ({@code TopicRoles}), so
 *     that containers which know only declared roles answer {@code isUserInRole} for them, and read with the
 *     other checked roles before a late request body ({@code AskedRoles}).</li>
 * </ul>
 * Config keys: {@code sse.topics.public}, {@code sse.topics.role.<role>}, {@code sse.topics.max-per-stream}
 * (default 32). More: docs/topics.md.
 */
package dev.ssenotify.topics;
