/**
 * Rate limits: token buckets (Bucket4j), one per caller and limit, refilled greedily.
 * <p>
 * <b>What each protects.</b>
 * <ul>
 * <li>{@code publish}: {@code sse.publish.rate}, default {@code 100/PT1S}, per publisher (the key the caller
 *     passes, a user name say); {@code sse.publish.burst}, default {@code 0} (= the first rate's count), how
 *     many may go at once. Keeps one publisher from flooding the log and every stream.</li>
 * <li>{@code login}: {@code sse.auth.login-rate.account}, default {@code 5/PT1M,20/PT1H}, and
 *     {@code sse.auth.login-rate.address}, default {@code 20/PT1M,200/PT1H}. Only failed attempts count, per
 *     account and per client address, each in its own bucket; a login is refused while either is empty,
 *     for the longer wait. Password guessing: a few tries are free, then one every 12 s, then, with the hour
 *     used up, one every 3 min; spreading over accounts meets the address limit. Failures that raced past
 *     the check together still count, each one (the bucket goes into debt).</li>
 * <li>{@code connect}: {@code sse.connect.rate}, default {@code 300/PT1M}, new streams per client
 *     address. Keeps reconnect storms and scripted clients from churning connections.</li>
 * </ul>
 * A value is {@code <count>/<ISO-8601 duration>}, or several separated by commas that must all hold;
 * {@code off} disables the limit (an empty value counts as unset in MicroProfile Config, so it means the
 * default). A bad value stops the deployment with a message naming the key. Refusals are
 * {@link dev.ssenotify.limits.entity.RateLimitedException} with the limit's name and when to retry (HTTP
 * 429 with {@code Retry-After}).
 * <p>
 * <b>Where buckets live.</b> In the heap of each instance, at most 100,000 ids (past that, untracked ids
 * share one bucket per limit); in cluster mode ({@code sse.cluster.redis.uri}) in Redis, under
 * {@code <sse.cluster.key-prefix>:rate:}, shared by all instances and expiring once refilled. A changed
 * rate applies to buckets made after the change; Redis keeps an older bucket until it refills.
 * <p>
 * <b>When Redis fails</b> every limit lets requests through (fail open, logins included): availability
 * first. One WARNING a minute at most says the limits are not enforced.
 */
package dev.ssenotify.limits;
