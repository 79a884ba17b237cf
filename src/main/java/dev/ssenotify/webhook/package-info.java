/**
 * Signed webhooks from a video platform (Mux's scheme), turned into notifications: the original design's
 * "video is ready" integration, as a feature of the WAR.
 * <p>
 * {@code POST /api/webhooks/mux} verifies {@code Mux-Signature} ({@code t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * "<t>.<raw body>">}) over the body's bytes as received, in constant time, within {@code sse.webhooks.mux.tolerance}
 * (default {@code PT5M}), with the secrets of {@code sse.webhooks.mux.secret} (comma-separated while rotating;
 * unset: 404); several {@code v1=} values are accepted. 401 for a missing or wrong signature, 400 for a body that
 * is no JSON object with {@code type} and {@code id}. A verified webhook is fired once per id as the CDI event
 * {@code MuxWebhook} ({@code sse.webhooks.mux.dedupe-window}, default {@code PT48H}, in Redis when clustered);
 * {@code VideoNotifications} maps {@code video.asset.ready} to {@code video-ready} and {@code video.asset.errored}
 * to {@code video-error} for the user in the asset's {@code passthrough}. Outcomes are counted in
 * {@code sse_webhooks_received_total{outcome}} (notified, ignored, duplicate, rejected).
 */
package dev.ssenotify.webhook;
