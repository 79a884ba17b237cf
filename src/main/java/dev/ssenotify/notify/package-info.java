/**
 * Notifications over Server-Sent Events: the Java API and where every event starts.
 * <p>
 * <b>What it does.</b> {@code SseService} (or a CDI {@code Event<Notification>} fired with
 * {@code fireAsync}) pushes named events with JSON data to one user, one session, one client, every
 * authenticated connection ({@code broadcast}), every connection ({@code all}) or every stream subscribed to
 * a matching topic pattern ({@code topic}: {@code SseTarget.topic("orders/42")}, {@code notifyTopic}). The values of the API
 * ({@code SseEvent}, {@code SseTarget}, {@code SendOptions}, {@code Receipt}, the lifecycle events) are in
 * {@code entity}; {@code Dispatcher} takes an event through the publish limit, the log
 * ({@link dev.ssenotify.log}), the offline queues ({@link dev.ssenotify.offline}) and out to the streams
 * ({@link dev.ssenotify.stream}); {@code StatsView} assembles the stats and registers the gauges.
 * <p>
 * <b>Rules.</b>
 * <ul>
 * <li>Event names starting with {@code sse.} belong to the server (any case).</li>
 * <li>Publishing only queues: a caller never waits on a client.</li>
 * <li>Topics ({@code TopicPattern}): {@code /}-separated segments of {@code A-Z a-z 0-9 . _ ~ : @ -}, at most
 *     200 characters; patterns add {@code *} (one segment) and {@code **} (zero or more) as whole segments.
 *     Events go to a concrete name; a stream's {@code Topics} decide what reaches it, live and on replay.
 *     Topic events have no offline queue. Over HTTP, publishing to a topic needs role {@code sse-publisher}
 *     (or {@code sse-admin}).</li>
 * <li>The target rules ({@code reaches}, {@code indexKey}, {@code inboxKey}, {@code replayableTo}) live on
 *     {@code SseTarget} ({@code TargetRules}): a new kind of target is one class.</li>
 * </ul>
 * Config keys: {@code sse.test-endpoint.enabled}; the others belong to the packages that use them (all read
 * through {@link dev.ssenotify.config.SseConfig}); defaults in the README.
 */
package dev.ssenotify.notify;
