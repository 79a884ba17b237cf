package dev.ssenotify.webhook.entity;

import jakarta.json.JsonObject;

/**
 * A Mux webhook whose signature was verified, fired as a CDI event ({@code @Observes MuxWebhook}) once per
 * webhook id: a retried delivery is not fired again. Observe it to add mappings of your own; an observer that
 * throws makes the receiver answer 503, and Mux delivers the webhook again later.
 *
 * @param id   the webhook event's id, unique per event (Mux's retries repeat it)
 * @param type e.g. {@code video.asset.ready}
 * @param data the event's {@code data} object (the asset for asset events); empty when absent
 * @param body the whole verified body, parsed
 */
public record MuxWebhook(String id, String type, JsonObject data, JsonObject body) {
}
