package dev.gcscope.analysis.sched;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gcscope.analysis.ReferenceQuantile;
import dev.gcscope.parsers.metrics.MetricsColumns;
import dev.gcscope.samples.SampleTraces;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HistogramHistoryTest {
    private static final String SCHED = "/sched/latencies:seconds";

    /** The JSON lines of a sample, read with Jackson, not with gcscope's parser. */
    private static List<JsonNode> lines(String text) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> out = new ArrayList<>();
        for (String line : text.split("\n")) if (!line.isBlank()) out.add(json.readTree(line));
        return out;
    }

    private static double[] counts(JsonNode line, String metric) {
        JsonNode c = line.get("histograms").get(metric).get("counts");
        double[] out = new double[c.size()];
        for (int i = 0; i < out.length; i++) out[i] = c.get(i).asDouble();
        return out;
    }

    /** Upper bounds of the buckets: boundaries 1..n ("+Inf" as a string). */
    private static double[] upper(JsonNode line, String metric) {
        JsonNode b = line.get("histograms").get(metric).get("buckets");
        double[] out = new double[b.size() - 1];
        for (int i = 1; i < b.size(); i++) out[i - 1] = b.get(i).isTextual() ? Double.parseDouble(b.get(i).asText().replace("Inf", "Infinity")) : b.get(i).asDouble();
        return out;
    }

    private static HistogramHistory history(String name, byte[] bytes, String metric) {
        return HistogramHistory.of(SchedSamples.parse(name, bytes).table(MetricsColumns.BUCKETS_TABLE)).stream()
                .filter(h -> h.name().equals(metric)).findFirst().orElseThrow();
    }

    @Test
    void intervalsAreHandDifferencedSnapshotsWithHistogramQuantileRules() throws Exception {
        String path = SchedSamples.METRICS_LINES;
        List<JsonNode> raw = lines(SchedSamples.text(path));
        for (String metric : List.of(SCHED, "/gc/pauses:seconds", "/sched/pauses/total/gc:seconds")) {
            HistogramHistory h = history(path, SampleTraces.get(path).bytes(), metric);
            assertEquals(raw.size(), h.snapshots().size(), metric);
            assertEquals(raw.size() - 1, h.intervals().size(), metric);
            double[] le = upper(raw.get(0), metric);
            assertArrayEquals(le, h.upper(), metric);
            for (int i = 1; i < raw.size(); i++) {
                double[] a = counts(raw.get(i - 1), metric), b = counts(raw.get(i), metric);
                double[] diff = new double[a.length];
                for (int k = 0; k < a.length; k++) diff[k] = b[k] - a[k];
                HistogramHistory.Interval iv = h.intervals().get(i - 1);
                assertArrayEquals(diff, iv.counts(), metric + " interval " + i);
                assertFalse(iv.restart());
                assertEquals(raw.get(i - 1).get("t").asDouble(), iv.startS(), 1e-9);
                assertEquals(raw.get(i).get("t").asDouble(), iv.endS(), 1e-9);
                assertEquals(ReferenceQuantile.of(0.5, le, diff), iv.p50(), 1e-15, metric + " p50 " + i);
                assertEquals(ReferenceQuantile.of(0.9, le, diff), iv.p90(), 1e-15, metric + " p90 " + i);
                assertEquals(ReferenceQuantile.of(0.99, le, diff), iv.p99(), 1e-15, metric + " p99 " + i);
            }
        }
        HistogramHistory sched = history(path, SampleTraces.get(path).bytes(), SCHED);
        assertTrue(sched.intervals().stream().filter(iv -> iv.total() > 0).count() > raw.size() / 2,
                "the scheduler is busy through most of the run");
    }

    @Test
    void aRestartMakesTheNewSnapshotTheIntervalsWholeCount() throws Exception {
        String text = SchedSamples.text(SchedSamples.METRICS_LINES);
        List<JsonNode> raw = lines(text);
        byte[] twice = (text + text).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        HistogramHistory h = history("restarted.jsonl", twice, SCHED);
        assertEquals(2 * raw.size() - 1, h.intervals().size());
        int restarts = 0;
        for (HistogramHistory.Interval iv : h.intervals()) {
            if (!iv.restart()) continue;
            restarts++;
            assertEquals(raw.size() - 1, iv.index(), "the restart is where the second copy begins");
            assertArrayEquals(counts(raw.get(0), SCHED), iv.counts());
        }
        assertEquals(1, restarts);
    }

    @Test
    void prometheusScrapesGiveIntervalsWhoseTotalsAreTheCountDifferences() {
        String path = SchedSamples.SCRAPES;
        Matcher m = Pattern.compile("^go_sched_latencies_seconds_count (\\S+)$", Pattern.MULTILINE).matcher(SchedSamples.text(path));
        List<Double> counts = new ArrayList<>();
        while (m.find()) counts.add(Double.parseDouble(m.group(1)));
        HistogramHistory h = history(path, SampleTraces.get(path).bytes(), SCHED);
        assertEquals(counts.size() - 1, h.intervals().size());
        for (int i = 1; i < counts.size(); i++) {
            assertEquals(counts.get(i) - counts.get(i - 1), h.intervals().get(i - 1).total(), 0, "interval " + i);
        }
    }

    @Test
    void oneSnapshotHasNoIntervalsAndItsOwnPercentiles() throws Exception {
        String path = SchedSamples.METRICS_LIST;
        JsonNode list = new ObjectMapper().readTree(SchedSamples.text(path));
        for (HistogramHistory h : HistogramHistory.of(SchedSamples.parse(path).table(MetricsColumns.BUCKETS_TABLE))) {
            assertEquals(1, h.snapshots().size(), h.name());
            assertTrue(h.intervals().isEmpty(), h.name());
            JsonNode entry = null;
            for (JsonNode e : list) if (e.get("name").asText().equals(h.name())) entry = e;
            assertNotNull(entry, h.name());
            double total = 0;
            for (JsonNode c : entry.get("counts")) total += c.asDouble();
            assertEquals(total, h.last().total(), 0, h.name());
        }
    }
}
