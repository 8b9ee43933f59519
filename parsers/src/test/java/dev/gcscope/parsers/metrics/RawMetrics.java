package dev.gcscope.parsers.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An independent reading of the bundled metrics recordings, for the tests to compare the parsers
 * with: regular expressions over the exposition text, Jackson's tree model over the JSON. It shares
 * no code with the parsers and handles only what the recordings hold (clean client_golang output,
 * the two JSON shapes the recording program writes).
 */
final class RawMetrics {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern BUCKET = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)_bucket\\{(.*)\\} (\\S+)$");
    private static final Pattern LE = Pattern.compile("(^|,)le=\"([^\"]*)\"");
    private static final Pattern SUM_OR_COUNT = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)_(sum|count) (\\S+)$");
    private static final Pattern QUANTILE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)\\{quantile=\"([^\"]*)\"\\} (\\S+)$");

    private RawMetrics() {}

    /** One cumulative {@code _bucket} line. */
    record RawBucket(int snapshot, String family, double le, double cumulative, long line) {}

    /** One {@code _sum} or {@code _count} line. */
    record RawSeriesValue(int snapshot, String family, String what, double value) {}

    /** One {@code {quantile="…"}} line. */
    record RawQuantile(int snapshot, String family, double quantile, double value) {}

    /** One histogram of a JSON snapshot, as written. */
    record RawHistogram(int snapshot, double timeS, String name, double[] counts, double[] bounds) {}

    static String text(byte[] b) {
        if (b.length > 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b) {
            try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(b))) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new String(b, StandardCharsets.UTF_8);
    }

    /**
     * Snapshot numbers for the lines of a scrape file: a scrape starts at the file's first line, and
     * again wherever that line recurs, and after {@code # EOF} when more follows.
     */
    static int[] snapshotOfLine(List<String> lines) {
        int[] s = new int[lines.size()];
        String first = lines.isEmpty() ? "" : lines.get(0);
        int snap = 0;
        boolean afterEof = true;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (afterEof && !l.isBlank()) {
                snap++;
                afterEof = false;
            } else if (i > 0 && l.equals(first)) {
                snap++;
            }
            if (l.equals("# EOF")) afterEof = true;
            s[i] = snap;
        }
        return s;
    }

    static List<RawBucket> buckets(byte[] b) {
        List<String> lines = text(b).lines().toList();
        int[] snap = snapshotOfLine(lines);
        List<RawBucket> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = BUCKET.matcher(lines.get(i));
            if (!m.matches()) continue;
            Matcher le = LE.matcher(m.group(2));
            if (!le.find()) throw new AssertionError("no le in line " + (i + 1));
            out.add(new RawBucket(snap[i], m.group(1), number(le.group(2)), number(m.group(3)), i + 1));
        }
        return out;
    }

    static List<RawSeriesValue> sumsAndCounts(byte[] b) {
        List<String> lines = text(b).lines().toList();
        int[] snap = snapshotOfLine(lines);
        List<RawSeriesValue> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = SUM_OR_COUNT.matcher(lines.get(i));
            if (m.matches()) out.add(new RawSeriesValue(snap[i], m.group(1), m.group(2), number(m.group(3))));
        }
        return out;
    }

    static List<RawQuantile> quantiles(byte[] b) {
        List<String> lines = text(b).lines().toList();
        int[] snap = snapshotOfLine(lines);
        List<RawQuantile> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = QUANTILE.matcher(lines.get(i));
            if (m.matches()) out.add(new RawQuantile(snap[i], m.group(1), number(m.group(2)), number(m.group(3))));
        }
        return out;
    }

    static int scrapes(byte[] b) {
        int[] s = snapshotOfLine(text(b).lines().toList());
        return s.length == 0 ? 0 : s[s.length - 1];
    }

    /** {@code 1.2e+06}, {@code +Inf}, {@code NaN} as Go writes them. */
    static double number(String s) {
        return switch (s) {
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(s);
        };
    }

    /** The histograms of a JSON-lines file (one snapshot per line) or of a JSON array (one snapshot). */
    static List<RawHistogram> jsonHistograms(byte[] b) {
        try {
            String t = text(b).strip();
            List<RawHistogram> out = new ArrayList<>();
            if (t.startsWith("[")) {
                for (JsonNode h : JSON.readTree(t)) out.add(histogram(1, Double.NaN, h.get("name").asText(), h));
                return out;
            }
            int snap = 0;
            for (String line : t.lines().toList()) {
                JsonNode n = JSON.readTree(line);
                snap++;
                double time = n.get("t").asDouble();
                for (Iterator<Map.Entry<String, JsonNode>> it = n.get("histograms").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    out.add(histogram(snap, time, e.getKey(), e.getValue()));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RawHistogram histogram(int snap, double time, String name, JsonNode h) {
        JsonNode c = h.get("counts"), bk = h.get("buckets");
        double[] counts = new double[c.size()];
        for (int i = 0; i < counts.length; i++) counts[i] = c.get(i).asDouble();
        double[] bounds = new double[bk.size()];
        for (int i = 0; i < bounds.length; i++) {
            JsonNode x = bk.get(i);
            if (x.isNull()) bounds[i] = i == 0 ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            else if (x.isTextual()) bounds[i] = number(x.asText());
            else bounds[i] = x.asDouble();
        }
        return new RawHistogram(snap, time, name, counts, bounds);
    }
}
