package dev.ssenotify.uploads.entity;

/**
 * What one upload job looks like now, as {@code GET /api/uploads} and the events show it.
 *
 * @param uploadId random id
 * @param userId   whose it is; its events go to this user
 * @param fileName what the user named it
 * @param progress 0 to 100
 * @param status   {@code processing}, {@code complete}, {@code failed}, {@code cancelled} or {@code interrupted}
 */
public record Upload(String uploadId, String userId, String fileName, int progress, String status) {

    public boolean finished() {
        return !"processing".equals(status);
    }
}
