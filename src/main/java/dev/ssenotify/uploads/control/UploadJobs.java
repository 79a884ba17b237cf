package dev.ssenotify.uploads.control;

import dev.ssenotify.limits.entity.RateLimitedException;
import dev.ssenotify.notify.boundary.SseService;
import dev.ssenotify.notify.entity.SendOptions;
import dev.ssenotify.uploads.entity.Upload;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The upload jobs of this instance: started on the container's {@code ManagedScheduledExecutorService} (a step
 * holds a thread only while it runs, never while it waits), bounded per user and in total, each reporting to
 * its user: {@code upload-progress} (coalescible: a lagging client gets the latest), then
 * {@code upload-complete} or {@code upload-error}. A shutdown ends every running job with
 * {@code upload-error} {@code interrupted} before the streams close; a step that throws ends its job as
 * {@code failed}. Finished jobs are kept (the last {@value #KEEP_FINISHED}) for {@code GET /api/uploads}.
 */
@ApplicationScoped
public class UploadJobs {

    static final int KEEP_FINISHED = 500;
    private static final Logger LOG = Logger.getLogger("dev.ssenotify.uploads");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    UploadSettings settings;
    @Inject
    SseService sse;
    @Resource
    ManagedScheduledExecutorService scheduler;

    private final Map<String, UploadJob> running = new LinkedHashMap<>();
    private final Deque<Upload> finished = new ArrayDeque<>();

    /**
     * Starts a job for the user; throws {@link UploadLimitException} when the user or the instance runs as many
     * as allowed.
     *
     * @param failAt the progress at which the job fails (a demo of the error path), or null for never
     */
    public Upload start(String user, String fileName, Integer failAt) {
        UploadJob job = new UploadJob(newId(), user, fileName, failAt == null ? 101 : failAt, this::report);
        synchronized (this) {
            if (running.size() >= settings.maxTotal()) {
                throw new UploadLimitException(false, "this server runs " + settings.maxTotal()
                        + " upload jobs already (sse.uploads.max-total)");
            }
            if (running.values().stream().filter(j -> j.user().equals(user)).count() >= settings.maxPerUser()) {
                throw new UploadLimitException(true, "you have " + settings.maxPerUser()
                        + " uploads running already (sse.uploads.max-per-user)");
            }
            running.put(job.id(), job);
        }
        long step = settings.step().toMillis();
        try {
            job.runBy(scheduler.scheduleWithFixedDelay(() -> step(job), step, step, TimeUnit.MILLISECONDS));
        } catch (RuntimeException e) {
            // The executor refused (shutting down): the job ends at once, with its event, and the caller hears why.
            job.end("failed", "the job could not be started");
            throw new UploadLimitException(false, "the server cannot run jobs now");
        }
        return job.snapshot();
    }

    private void step(UploadJob job) {
        try {
            job.step();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "upload " + job.id() + " failed", e);
            job.end("failed", "processing failed");
        }
    }

    /** Cancels the user's running job; empty if the user has no such job, a finished one if it had ended. */
    public Optional<Upload> cancel(String user, String uploadId) {
        UploadJob job;
        synchronized (this) {
            job = running.get(uploadId);
        }
        if (job != null && job.user().equals(user)) {
            job.end("cancelled", "cancelled by the user");
            return Optional.of(job.snapshot());
        }
        return list(user).stream().filter(u -> u.uploadId().equals(uploadId)).findFirst();
    }

    /** The user's jobs, running first, then the finished ones still kept, newest first. */
    public List<Upload> list(String user) {
        List<UploadJob> mine;
        List<Upload> done;
        // Copied under this lock, read under the jobs' own: a job reports (its lock, then this) while it ends.
        synchronized (this) {
            mine = running.values().stream().filter(j -> j.user().equals(user)).toList();
            done = finished.stream().filter(u -> u.userId().equals(user)).toList();
        }
        List<Upload> out = new ArrayList<>();
        mine.forEach(job -> out.add(job.snapshot()));
        out.addAll(done);
        return out;
    }

    void interruptAll(@Observes @BeforeDestroyed(ApplicationScoped.class) Object shutdown) {
        List<UploadJob> jobs;
        synchronized (this) {
            jobs = List.copyOf(running.values());
        }
        jobs.forEach(job -> job.end("interrupted", "the server stopped; start the upload again"));
    }

    /** Every change of a job goes out as its user's event; a job that ended leaves the running set. */
    private void report(Upload upload, String error) {
        if (upload.finished()) {
            synchronized (this) {
                running.remove(upload.uploadId());
                finished.addFirst(upload);
                while (finished.size() > KEEP_FINISHED) {
                    finished.removeLast();
                }
            }
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("uploadId", upload.uploadId());
        data.put("fileName", upload.fileName());
        data.put("progress", upload.progress());
        data.put("status", upload.status());
        if (error != null) {
            data.put("error", error);
        }
        String event = !upload.finished() ? "upload-progress"
                : "complete".equals(upload.status()) ? "upload-complete" : "upload-error";
        SendOptions options = upload.finished() ? SendOptions.NONE : SendOptions.coalesce("upload-" + upload.uploadId());
        send(upload, event, data, options);
    }

    // A progress event past the user's publish rate is skipped (the next one supersedes it); a final one waits
    // for the bucket and goes then, so no job ends in silence.
    private void send(Upload upload, String event, Map<String, Object> data, SendOptions options) {
        try {
            sse.notifyUser(upload.userId(), event, data, options);
        } catch (RateLimitedException e) {
            if (upload.finished()) {
                scheduler.schedule(() -> send(upload, event, data, options), e.retryAfter().toMillis() + 1,
                        TimeUnit.MILLISECONDS);
            }
        }
    }

    private static String newId() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return "u-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
