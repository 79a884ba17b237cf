package dev.ssenotify.notify.entity;

/**
 * What became of one published event on this server.
 *
 * @param eventId the id written on the wire
 * @param target  the kind of target ({@code user}, {@code session}, {@code client}, {@code broadcast}, {@code all})
 * @param queued  how many local connections it was queued to
 */
public record Receipt(String eventId, String target, int queued) {
}
