package dev.gcscope.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gcscope.analysis.ReferenceQuantile;
import dev.gcscope.samples.SampleTraces.Sample;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code summary} should say about a runtime/metrics recording, worked out independently of
 * the parsers: regular expressions over the last scrape, Jackson's tree over the last JSON snapshot,
 * the runtime/metrics names from a table typed in from formats.md §3.3, and {@link ReferenceQuantile}.
 */
final class RawMetricsSummary {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern BUCKET = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)_bucket\\{le=\"([^\"]*)\"\\} (\\S+)$");
    private static final Pattern QUANTILE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)\\{quantile=\"([^\"]*)\"\\} (\\S+)$");
    private static final Pattern COUNT = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)_count (\\S+)$");
    /** client_golang's names of the runtime/metrics histograms (v1.13+, and v1.12 with _total). */
    private static final Map<String, String> RUNTIME = Map.ofEntries(
            Map.entry("go_gc_heap_allocs_by_size_bytes", "/gc/heap/allocs-by-size:bytes"),
            Map.entry("go_gc_heap_frees_by_size_bytes", "/gc/heap/frees-by-size:bytes"),
            Map.entry("go_gc_pauses_seconds", "/gc/pauses:seconds"),
            Map.entry("go_sched_latencies_seconds", "/sched/latencies:seconds"),
            Map.entry("go_sched_pauses_stopping_gc_seconds", "/sched/pauses/stopping/gc:seconds"),
            Map.entry("go_sched_pauses_stopping_other_seconds", "/sched/pauses/stopping/other:seconds"),
            Map.entry("go_sched_pauses_total_gc_seconds", "/sched/pauses/total/gc:seconds"),
            Map.entry("go_sched_pauses_total_other_seconds", "/sched/pauses/total/other:seconds"));

    record Histogram(String name, double count, double p50, double p90, double p99) {}

    record Summary(String name, double count, Map<String, Double> quantiles) {}

    final int snapshots;
    final List<Histogram> histograms = new ArrayList<>();
    final List<Summary> summaries = new ArrayList<>();

    private RawMetricsSummary(int snapshots) {
        this.snapshots = snapshots;
    }

    static RawMetricsSummary of(Sample s) {
        String text = new String(gunzipped(s.bytes()), StandardCharsets.UTF_8);
        return s.format().equals("prometheus") ? scrape(text) : json(text.strip());
    }

    private static byte[] gunzipped(byte[] b) {
        if (b.length < 2 || (b[0] & 0xff) != 0x1f || (b[1] & 0xff) != 0x8b) return b;
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(b))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last scrape: from the last line equal to the first line of the file (or after the last-but-one # EOF). */
    private static RawMetricsSummary scrape(String text) {
        List<String> lines = text.lines().toList();
        int start = 0;
        int scrapes = 1;
        for (int i = 1; i < lines.size(); i++) {
            boolean newScrape = lines.get(i).equals(lines.get(0)) || (lines.get(i - 1).equals("# EOF") && !lines.get(i).isBlank());
            if (newScrape) {
                start = i;
                scrapes++;
            }
        }
        RawMetricsSummary out = new RawMetricsSummary(scrapes);
        Map<String, List<double[]>> buckets = new LinkedHashMap<>();
        Map<String, Map<String, Double>> quantiles = new LinkedHashMap<>();
        Map<String, Double> counts = new LinkedHashMap<>();
        for (String line : lines.subList(start, lines.size())) {
            Matcher b = BUCKET.matcher(line);
            if (b.matches()) buckets.computeIfAbsent(b.group(1), k -> new ArrayList<>()).add(new double[] {number(b.group(2)), number(b.group(3))});
            Matcher q = QUANTILE.matcher(line);
            if (q.matches()) quantiles.computeIfAbsent(q.group(1), k -> new LinkedHashMap<>()).put(plainQuantile(q.group(2)), number(q.group(3)));
            Matcher c = COUNT.matcher(line);
            if (c.matches()) counts.put(c.group(1), number(c.group(2)));
        }
        for (Map.Entry<String, List<double[]>> e : buckets.entrySet()) {
            List<double[]> list = e.getValue();
            double[] le = new double[list.size()], per = new double[list.size()];
            for (int i = 0; i < le.length; i++) {
                le[i] = list.get(i)[0];
                per[i] = list.get(i)[1] - (i == 0 ? 0 : list.get(i - 1)[1]);
            }
            String family = e.getKey().endsWith("_total") ? e.getKey().substring(0, e.getKey().length() - 6) : e.getKey();
            out.add(RUNTIME.getOrDefault(family, e.getKey()), le, per);
        }
        for (Map.Entry<String, Map<String, Double>> e : quantiles.entrySet()) {
            out.summaries.add(new Summary(e.getKey(), counts.getOrDefault(e.getKey(), Double.NaN), e.getValue()));
        }
        return out;
    }

    private static RawMetricsSummary json(String text) {
        try {
            if (text.startsWith("[")) {
                RawMetricsSummary out = new RawMetricsSummary(1);
                for (JsonNode h : JSON.readTree(text)) out.add(h.get("name").asText(), uppers(h.get("buckets")), counts(h.get("counts")));
                return out;
            }
            List<String> lines = text.lines().toList();
            RawMetricsSummary out = new RawMetricsSummary(lines.size());
            JsonNode last = JSON.readTree(lines.get(lines.size() - 1));
            for (Iterator<Map.Entry<String, JsonNode>> it = last.get("histograms").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.add(e.getKey(), uppers(e.getValue().get("buckets")), counts(e.getValue().get("counts")));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void add(String name, double[] le, double[] per) {
        double total = 0;
        for (double c : per) total += c;
        histograms.add(new Histogram(name, total, ReferenceQuantile.of(0.5, le, per), ReferenceQuantile.of(0.9, le, per),
                ReferenceQuantile.of(0.99, le, per)));
    }

    /** A runtime/metrics bucket's upper bound is the next boundary; null or "+Inf" is +Inf. */
    private static double[] uppers(JsonNode buckets) {
        double[] le = new double[buckets.size() - 1];
        for (int i = 1; i < buckets.size(); i++) {
            JsonNode b = buckets.get(i);
            le[i - 1] = b.isNull() || b.isTextual() ? Double.POSITIVE_INFINITY : b.asDouble();
        }
        return le;
    }

    private static double[] counts(JsonNode counts) {
        double[] c = new double[counts.size()];
        for (int i = 0; i < c.length; i++) c[i] = counts.get(i).asDouble();
        return c;
    }

    /** OpenMetrics writes quantile="0.0" and "1.0"; summary --json keys are plain: "0", "1". */
    private static String plainQuantile(String q) {
        return new java.math.BigDecimal(q).stripTrailingZeros().toPlainString();
    }

    private static double number(String s) {
        return switch (s) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(s);
        };
    }
}
