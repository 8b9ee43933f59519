package dev.gcscope.analysis.sched;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gcscope.parsers.gctrace.GcColumns;
import dev.gcscope.parsers.metrics.MetricsColumns;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.junit.jupiter.api.Test;

/** The paired recording: one process's gctrace and its runtime/metrics JSON lines. */
class GcPauseComparisonTest {
    /** {@code 0.018+1.2+0.025 ms clock}: the first and third are the two stop-the-world phases. */
    private static final Pattern CLOCK = Pattern.compile("^gc \\d+ @.*?: ([0-9.]+)\\+[0-9.]+\\+([0-9.]+) ms clock", Pattern.MULTILINE);

    /** Two clocks on one event: agreement within 10% per quantile is what a correct pairing gives. */
    private static final double RELATIVE = 0.10;

    private static GcPauseComparison comparison() {
        var cycles = SchedSamples.parse(SchedSamples.PAIRED_GCTRACE).table(GcColumns.CYCLES_TABLE);
        var histories = HistogramHistory.of(SchedSamples.parse(SchedSamples.PAIRED_METRICS).table(MetricsColumns.BUCKETS_TABLE));
        return GcPauseComparison.of(cycles, GcPauseComparison.pauseMetric(histories).orElseThrow());
    }

    @Test
    void goCountsTwoPausesPerCycleAndGctraceShowsTheSameTwo() throws Exception {
        List<BigDecimal> pauses = new ArrayList<>();
        Matcher m = CLOCK.matcher(SchedSamples.text(SchedSamples.PAIRED_GCTRACE));
        int lines = 0;
        while (m.find()) {
            lines++;
            pauses.add(new BigDecimal(m.group(1)));
            pauses.add(new BigDecimal(m.group(2)));
        }
        String[] jsonLines = SchedSamples.text(SchedSamples.PAIRED_METRICS).split("\n");
        JsonNode last = new ObjectMapper().readTree(jsonLines[jsonLines.length - 1]);
        JsonNode total = last.get("histograms").get("/sched/pauses/total/gc:seconds");
        double metricCount = 0;
        for (JsonNode c : total.get("counts")) metricCount += c.asDouble();

        GcPauseComparison c = comparison();
        assertEquals("/sched/pauses/total/gc:seconds", c.metric());
        assertEquals(lines, c.cycles());
        assertEquals(2L * lines, c.gctracePauses());
        assertEquals(metricCount, c.metricPauses(), 0);
        // The point of the pairing: the runtime counts every STW pause, two per gctrace line.
        assertEquals(2.0 * lines, metricCount, 0);

        // Binning by hand: bucket i holds [buckets[i], buckets[i+1]) seconds.
        JsonNode b = total.get("buckets");
        double[] binned = new double[b.size() - 1];
        for (BigDecimal ms : pauses) {
            double s = ms.doubleValue() / 1000;
            for (int i = 0; i + 1 < b.size(); i++) {
                double lo = b.get(i).isTextual() ? Double.NEGATIVE_INFINITY : b.get(i).asDouble();
                double hi = b.get(i + 1).isTextual() ? Double.POSITIVE_INFINITY : b.get(i + 1).asDouble();
                if (s >= lo && s < hi) binned[i]++;
            }
        }
        assertArrayEquals(binned, c.gctraceCounts());

        double[] ms = pauses.stream().mapToDouble(BigDecimal::doubleValue).toArray();
        Percentile r7 = new Percentile().withEstimationType(EstimationType.R_7);
        assertEquals(r7.evaluate(ms, 50), c.gctraceMs()[0], 1e-12);
        assertEquals(r7.evaluate(ms, 99), c.gctraceMs()[2], 1e-12);
    }

    @Test
    void bothSourcesAgreeOnTheMedianPauseWithinTheirResolution() {
        GcPauseComparison c = comparison();
        // gctrace prints whole microseconds and stops its clock a few instructions away from where the
        // runtime stops its own: the medians differ by about that much, not by a factor.
        double resolutionMs = 0.002;
        for (int q = 0; q < 3; q++) {
            double m = c.metricMs()[q];
            assertTrue(Math.abs(c.gctraceBinnedMs()[q] - m) <= Math.max(resolutionMs, RELATIVE * m), "quantile " + q + ": gctrace " + c.gctraceBinnedMs()[q] + " vs " + m);
        }
        double median = c.metricMs()[0];
        assertTrue(Math.abs(c.gctraceBinnedMs()[0] - median) <= Math.max(resolutionMs, RELATIVE * median),
                "gctrace " + c.gctraceBinnedMs()[0] + " ms vs runtime/metrics " + median + " ms");
    }
}
