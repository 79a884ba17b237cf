/**
 * The demo processing pipeline of the original design, left out of the library jar: a signed-in user's
 * upload jobs report {@code upload-progress} (coalescible), then {@code upload-complete} or
 * {@code upload-error} ({@code failed}, {@code cancelled}, {@code interrupted}), to that user.
 * <p>
 * {@code POST /api/uploads}, {@code GET /api/uploads}, {@code DELETE /api/uploads/{id}}; off (404) unless
 * {@code sse.uploads.enabled=true}. Jobs run as steps on the container's {@code ManagedScheduledExecutorService}
 * ({@code sse.uploads.step} per 10 %), at most {@code sse.uploads.max-per-user} per user (429) and
 * {@code sse.uploads.max-total} per instance (503). Every job ends with exactly one final event, a shutdown
 * included. The page {@code /examples/uploads/} uses it.
 */
package dev.ssenotify.uploads;
