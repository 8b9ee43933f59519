package dev.gcscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gcscope.samples.SampleTraces;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compare GCTRACE METRICS} on the paired recording (one Go 1.24 process with gctrace on
 * stderr and runtime/metrics JSON lines): the pauses are read back from the raw text here.
 */
class ComparePauseSourcesTest {
    private static final Pattern CLOCK = Pattern.compile("gc \\d+ @[0-9.]+s \\d+%: ([0-9.]+)\\+[0-9.]+\\+([0-9.]+) ms clock");
    @TempDir
    Path dir;

    @Test
    void aGctraceAndItsRuntimeMetricsAgreeOnThePauses() throws IOException {
        SampleTraces.Sample gcSample = SampleTraces.get("paired/go1.24-phases-gctrace.log");
        Path gc = gcSample.copyTo(dir);
        Path metrics = SampleTraces.get("paired/go1.24-phases-histograms.jsonl").copyTo(dir);
        List<Double> pauses = new ArrayList<>();
        Matcher m = CLOCK.matcher(new String(gcSample.bytes(), StandardCharsets.UTF_8));
        int cycles = 0;
        while (m.find()) {
            cycles++;
            pauses.add(Double.parseDouble(m.group(1)));
            pauses.add(Double.parseDouble(m.group(2)));
        }
        double[] v = pauses.stream().mapToDouble(Double::doubleValue).toArray();
        Percentile r7 = new Percentile().withEstimationType(Percentile.EstimationType.R_7);

        for (String[] order : new String[][] {{gc.toString(), metrics.toString()}, {metrics.toString(), gc.toString()}}) {
            CliRun run = CliRun.of("compare", "--json", order[0], order[1]);
            assertEquals(0, run.status(), run.err());
            JsonNode o = new ObjectMapper().readTree(run.out());
            assertEquals(gc.toString(), o.get("gctrace").asText());
            assertEquals("/sched/pauses/total/gc:seconds", o.get("metric").asText());
            assertEquals(cycles, o.get("cycles").asInt());
            assertEquals(v.length, o.get("gctrace_pauses").asLong());
            assertEquals(r7.evaluate(v, 50), o.get("pause_ms").get("p50").get("gctrace").asDouble(), 1e-9);
            assertEquals(r7.evaluate(v, 99), o.get("pause_ms").get("p99").get("gctrace").asDouble(), 1e-9);
            assertTrue(o.get("verdict").asText().startsWith("the same pauses"), o.get("verdict").asText());
        }
        CliRun text = CliRun.of("compare", gc.toString(), metrics.toString());
        assertTrue(text.out().contains("pause p99") && text.out().contains("2 per cycle"), text.out());
    }

    @Test
    void aPerfFileIsStillRefusedWithWhatCompareReads() throws IOException {
        Path gc = SampleTraces.get("paired/go1.24-phases-gctrace.log").copyTo(dir);
        Path perf = SampleTraces.get("perf/go1.24-gmp4-latency.txt").copyTo(dir);
        CliRun run = CliRun.of("compare", gc.toString(), perf.toString());
        assertEquals(ExitStatus.INPUT, run.status());
        assertTrue(run.err().contains("runtime/metrics file of the same process"), run.err());
    }
}
