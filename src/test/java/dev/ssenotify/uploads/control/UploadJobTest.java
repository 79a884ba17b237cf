package dev.ssenotify.uploads.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssenotify.uploads.entity.Upload;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whatever happens to a job, its reports are progress in order and then exactly one final one. */
class UploadJobTest {

    private final List<String> reports = new ArrayList<>();

    private UploadJob job(int failAt) {
        return new UploadJob("u-1", "alice", "clip.mp4", failAt, (Upload u, String error) ->
                reports.add(u.status() + ":" + u.progress() + (error == null ? "" : ":" + error)));
    }

    @Test
    void tenStepsEndInComplete() {
        UploadJob job = job(101);
        for (int i = 0; i < 12; i++) {
            job.step();
        }
        assertEquals(10, reports.size(), reports.toString());
        assertEquals("processing:10", reports.get(0));
        assertEquals("processing:90", reports.get(8));
        assertEquals("complete:100", reports.get(9));
        assertFalse(job.end("cancelled", "late"), "an ended job stays ended");
        assertEquals(10, reports.size());
    }

    @Test
    void aJobFailsWhereItIsToldTo() {
        UploadJob job = job(40);
        for (int i = 0; i < 10; i++) {
            job.step();
        }
        assertEquals(List.of("processing:10", "processing:20", "processing:30", "failed:40:processing failed at 40 %"),
                reports);
    }

    @Test
    void cancelOrInterruptEndsItOnceAndStopsTheSteps() {
        UploadJob job = job(101);
        job.step();
        assertTrue(job.end("cancelled", "cancelled by the user"));
        assertFalse(job.end("interrupted", "shutdown"));
        job.step();
        assertEquals(List.of("processing:10", "cancelled:10:cancelled by the user"), reports);
        assertEquals("cancelled", job.snapshot().status());
    }
}
