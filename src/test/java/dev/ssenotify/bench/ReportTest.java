package dev.ssenotify.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {

    @Test
    void summaryReportsPercentilesInMilliseconds() {
        Histogram micros = new Histogram(60_000_000L, 3);
        for (int i = 1; i <= 1000; i++) {
            micros.recordValue(i * 1000L);
        }
        LatencySummary s = LatencySummary.of(micros);
        assertEquals(1000, s.count());
        assertEquals(500, s.p50Ms(), 1);
        assertEquals(990, s.p99Ms(), 1);
        assertEquals(999, s.p999Ms(), 1);
        assertEquals(1000, s.maxMs(), 1);
        assertTrue(Double.isNaN(LatencySummary.of(new Histogram(3)).p99Ms()), "no samples, no figure");
    }

    @Test
    void resultsSurviveJsonAndMakeATableWithRatiosAndFailures(@TempDir Path dir) throws Exception {
        Scale scale = Scale.of("small", java.util.Map.of("fanout.n", "10"));
        Results app = new Results("app");
        app.add("fanout", "p99", "ms", 20);
        app.add("connect", "heap per stream", "KiB", Double.NaN);
        app.series("fanout", List.of(new Results.Point(0, 1, 2, 3, 4), new Results.Point(1, 1, 2, 3, Double.NaN)));
        Results nchan = new Results("nchan");
        nchan.add("fanout", "p99", "ms", 10);
        nchan.fail("fanout", "connection 3: missed 1");
        ResultsJson.write(dir.resolve("app.json"), app, scale);
        ResultsJson.write(dir.resolve("nchan.json"), nchan, scale);

        ReportWriter.write(dir, List.of(ResultsJson.read(dir.resolve("app.json")),
                ResultsJson.read(dir.resolve("nchan.json"))));

        String md = Files.readString(dir.resolve("report.md"));
        assertTrue(md.contains("| p99 | ms | 20.00 | 10.00 | 2.00 |"), md);
        assertTrue(md.contains("| heap per stream | KiB | – | – | – |"), md);
        assertTrue(md.contains("**nchan**: fanout: connection 3: missed 1"), md);
        assertTrue(md.contains("share this machine"), md);
        assertTrue(Files.readString(dir.resolve("fanout-latency.svg")).startsWith("<svg"));
    }

    @Test
    void chartScaleRoundsUp() {
        assertEquals(1, SvgChart.niceCeiling(0));
        assertEquals(250, SvgChart.niceCeiling(201));
        assertEquals(0.5, SvgChart.niceCeiling(0.31), 1e-12);
    }

    @Test
    void templateFillsTheMarkers() {
        assertEquals("{\"round\":7,\"t\":99,\"pad\":\"xxx\"}",
                new Template("{\"round\":{{round}},\"t\":{{t}},\"pad\":\"{{pad}}\"}").fill(7, 99, 3));
    }

    @Test
    void probeParsesProcAndJcmdOutput() {
        assertEquals(123456, ServerProbe.parseRssKb("Name:\tjava\nVmRSS:\t  123456 kB\nVmData: 1 kB\n"));
        assertEquals(53248, ServerProbe.parseHeapUsedKb(
                " garbage-first heap   total 1048576K, used 53248K [0x00000000c0000000, 0x0000000100000000)\n"),
                1e-9);
    }

    @Test
    void probeReadsCpuTicksAfterACommandNameWithSpacesAndParentheses() {
        String stat = "4242 (C2 (Compiler) x) S 1 4242 4242 0 -1 4194560 100 0 0 0 731 269 0 0 20 0 40 0\n";
        assertEquals(1000, ServerProbe.parseCpuTicks(stat));
    }
}
