package dev.ssenotify.notify.entity;

import java.time.Instant;

/**
 * An event counted as delivered to its user or session.
 *
 * @param eventId the event's id
 * @param via     {@code ack} (the client acknowledged it) or {@code write} (written to a connection, in
 *                {@code sse.delivery.ack=write} mode)
 * @param at      when
 */
public record Acknowledgement(String eventId, String via, Instant at) {
}
