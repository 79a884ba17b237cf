package dev.ssenotify.uploads.control;

import dev.ssenotify.uploads.entity.Upload;
import java.util.concurrent.ScheduledFuture;
import java.util.function.BiConsumer;

/**
 * One simulated processing job: ten steps of 10 %, then complete; or it fails at {@code failAt}, is cancelled,
 * or is interrupted by a shutdown. Its state changes in one place, under its lock, and each change is reported
 * to {@code report} (with the reason, for an error), so exactly one final event ends every job, whichever comes first.
 */
final class UploadJob {

    private final String id;
    private final String user;
    private final String fileName;
    private final int failAt;
    private final BiConsumer<Upload, String> report;
    private int progress;
    private String status = "processing";
    private String error;
    private ScheduledFuture<?> steps;

    /** @param failAt the progress at which the job fails, or a value above 100 for never */
    UploadJob(String id, String user, String fileName, int failAt, BiConsumer<Upload, String> report) {
        this.id = id;
        this.user = user;
        this.fileName = fileName;
        this.failAt = failAt;
        this.report = report;
    }

    synchronized void runBy(ScheduledFuture<?> future) {
        steps = future;
        if (!"processing".equals(status)) {
            future.cancel(false);
        }
    }

    /** One step: the scheduler calls it until the job has ended. */
    synchronized void step() {
        if (!"processing".equals(status)) {
            return;
        }
        progress = Math.min(100, progress + 10);
        if (progress >= failAt) {
            end("failed", "processing failed at " + progress + " %");
        } else if (progress == 100) {
            end("complete", null);
        } else {
            report.accept(snapshot(), error);
        }
    }

    /** Ends the job unless it has ended; false if it had. */
    synchronized boolean end(String finalStatus, String why) {
        if (!"processing".equals(status)) {
            return false;
        }
        status = finalStatus;
        error = why;
        if (steps != null) {
            steps.cancel(false);
        }
        report.accept(snapshot(), error);
        return true;
    }

    synchronized Upload snapshot() {
        return new Upload(id, user, fileName, progress, status);
    }

    String user() {
        return user;
    }

    String id() {
        return id;
    }
}
