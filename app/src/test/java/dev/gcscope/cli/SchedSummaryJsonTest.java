package dev.gcscope.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gcscope.analysis.ReferenceQuantile;
import dev.gcscope.samples.SampleTraces;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code summary --json}'s {@code per_task} (timehist) and {@code intervals} (runtime/metrics) against raw readings. */
class SchedSummaryJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private JsonNode summaryOf(String sample) throws Exception {
        CliRun run = CliRun.of("summary", "--json", SampleTraces.get(sample).copyTo(dir).toString());
        assertEquals(0, run.status(), run.err());
        return JSON.readTree(run.out()).get(0);
    }

    @Test
    void perTaskGivesTheGoProgramsR7DelaysFromItsRawRows() throws Exception {
        String path = "perf/go1.24-gmp2-timehist.txt.gz";
        String text = new String(new GZIPInputStream(new ByteArrayInputStream(SampleTraces.get(path).bytes())).readAllBytes(), StandardCharsets.UTF_8);
        // every thread of the process, whatever its comm (perf-exec[5118] before the exec, phases after)
        Matcher main = Pattern.compile("\\sphases\\[(\\d+)\\]\\s").matcher(text);
        assertTrue(main.find());
        int pid = Integer.parseInt(main.group(1));
        Matcher m = Pattern.compile("\\s(\\S[^\\[]*)\\[(\\d+)(?:/(\\d+))?\\]\\s+[\\d.]+\\s+([\\d.]+)\\s+[\\d.]+\\s*$", Pattern.MULTILINE).matcher(text);
        List<Double> delays = new ArrayList<>();
        while (m.find()) {
            int p = Integer.parseInt(m.group(3) == null ? m.group(2) : m.group(3));
            if (p == pid) delays.add(Double.parseDouble(m.group(4)));
        }
        double[] d = delays.stream().mapToDouble(Double::doubleValue).toArray();
        JsonNode s = summaryOf(path);
        JsonNode go = null;
        for (JsonNode t : s.get("per_task")) if (t.get("pid").asInt() == pid) go = t;
        assertNotNull(go, s.get("per_task").toString());
        assertEquals("phases", go.get("task").asText());
        assertEquals(d.length, go.get("switches").asInt());
        Percentile r7 = new Percentile().withEstimationType(EstimationType.R_7);
        assertEquals(r7.evaluate(d, 99), go.get("sch_delay_ms").get("p99").asDouble(), 1e-9);
        assertEquals(r7.evaluate(d, 50), go.get("sch_delay_ms").get("p50").asDouble(), 1e-9);
        double prev = Double.POSITIVE_INFINITY;
        for (JsonNode t : s.get("per_task")) {
            assertTrue(t.get("switches").asInt() >= 10);
            double p99 = t.get("sch_delay_ms").get("p99").asDouble();
            assertTrue(p99 <= prev, "worst p99 first");
            prev = p99;
        }
    }

    @Test
    void intervalsAreTheDifferencesOfConsecutiveJsonLines() throws Exception {
        String path = "metrics/go1.22-phases-histograms.jsonl";
        String metric = "/sched/latencies:seconds";
        List<JsonNode> lines = new ArrayList<>();
        for (String l : new String(SampleTraces.get(path).bytes(), StandardCharsets.UTF_8).split("\n")) if (!l.isBlank()) lines.add(JSON.readTree(l));
        JsonNode s = summaryOf(path);
        JsonNode per = null;
        for (JsonNode i : s.get("intervals")) if (i.get("name").asText().equals(metric)) per = i.get("per_interval");
        assertNotNull(per);
        assertEquals(lines.size() - 1, per.size());
        JsonNode buckets = lines.get(0).get("histograms").get(metric).get("buckets");
        double[] le = new double[buckets.size() - 1];
        for (int k = 1; k < buckets.size(); k++) le[k - 1] = buckets.get(k).isTextual() ? Double.POSITIVE_INFINITY : buckets.get(k).asDouble();
        for (int i = 1; i < lines.size(); i++) {
            JsonNode a = lines.get(i - 1).get("histograms").get(metric).get("counts"), b = lines.get(i).get("histograms").get(metric).get("counts");
            double[] diff = new double[a.size()];
            double total = 0;
            for (int k = 0; k < diff.length; k++) total += diff[k] = b.get(k).asDouble() - a.get(k).asDouble();
            JsonNode iv = per.get(i - 1);
            assertEquals(total, iv.get("count").asDouble(), 0);
            assertEquals(i, iv.get("from_snapshot").asInt());
            assertFalse(iv.get("restart").asBoolean());
            double p99 = ReferenceQuantile.of(0.99, le, diff);
            if (Double.isNaN(p99)) assertTrue(iv.get("p99").isNull());
            else assertEquals(p99, iv.get("p99").asDouble(), Math.abs(p99) * 1e-11);
        }
    }
}
