package dev.ssenotify.notify.entity;

import java.util.concurrent.CompletionStage;

/**
 * What became of one published event on this server.
 *
 * @param eventId      the log id written on the wire as {@code id:}
 * @param target       the kind of target ({@code user}, {@code session}, {@code client}, {@code broadcast}, {@code all})
 * @param queued       how many local connections it was queued to (0 for a duplicate)
 * @param duplicate    the publisher's id was already used for this target within the retention window, so
 *                     nothing new was sent; {@code eventId} is the earlier event's
 * @param acknowledged for user and session events: completes when the event counts as delivered
 *                     ({@code sse.delivery.ack}) and fails after {@code sse.delivery.ack-timeout}; for
 *                     other targets it fails at once
 */
public record Receipt(String eventId, String target, int queued, boolean duplicate,
                      CompletionStage<Acknowledgement> acknowledged) {
}
