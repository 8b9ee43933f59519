package dev.gcscope.parsers.metrics;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One sample line of the Prometheus text format or OpenMetrics, read with a cursor over the bytes:
 *
 * <pre>
 * go_gc_duration_seconds{quantile="0.25"} 4.5532e-05
 * go_sched_latencies_seconds_bucket{le="6.399999999999999e-08"} 1.208354e+06
 * http_request_duration_seconds_bucket{code="200",le="0.1"} 12 1700000000000
 * go_gc_pauses_seconds_bucket{le="1.0"} 7 # {trace_id="abc"} 0.67 1.7e9
 * {"my.metric",le="+Inf"} 3
 * </pre>
 *
 * Name, then labels in braces (keys may be quoted; values are quoted with {@code \\}, {@code \"} and
 * {@code \n} escapes; a trailing comma and blanks are tolerated), the value (a Go float:
 * {@code 1.208354e+06}, {@code NaN}, {@code +Inf}), an optional timestamp, and an optional exemplar
 * after {@code #}, which is ignored. Blanks are spaces and tabs. Nothing here throws on bad bytes:
 * {@link #parse} returns false and says why in {@link #error}.
 */
final class ExpositionLine {
    private static final int MAX_LABELS = 64;

    String name;
    int labelCount;
    String[] labelNames = new String[8];
    String[] labelValues = new String[8];
    double value;
    /** Seconds since the epoch, or NaN when the line has no timestamp. */
    double timestampS;
    boolean exemplar;
    /** Why {@link #parse} failed, and whether the line looked like a sample before it failed. */
    String error;
    boolean lookedLikeSample;

    private final ByteArrayOutputStream scratch = new ByteArrayOutputStream(64);

    /** Parses {@code b[s, e)}; false when it is not a sample line (see {@link #error}). */
    boolean parse(byte[] b, int s, int e) {
        name = null;
        labelCount = 0;
        value = Double.NaN;
        timestampS = Double.NaN;
        exemplar = false;
        error = null;
        lookedLikeSample = false;
        int i = s;
        if (i < e && b[i] == '{') {
            // UTF-8 metric names (expfmt ≥0.60 with escaping=allow-utf-8): the quoted name is the first item.
            lookedLikeSample = true;
            i = labels(b, i, e);
            if (i < 0) return false;
            if (name == null) return fail("no metric name in the braces");
        } else {
            int n = nameEnd(b, i, e);
            if (n == i) return fail("no metric name");
            name = new String(b, i, n - i, StandardCharsets.ISO_8859_1);
            i = n;
            lookedLikeSample = (i < e && b[i] == '{') || name.indexOf('_') >= 0 || name.indexOf(':') >= 0;
            i = skipBlanks(b, i, e);
            if (i < e && b[i] == '{') {
                i = labels(b, i, e);
                if (i < 0) return false;
            }
        }
        i = skipBlanks(b, i, e);
        int v = tokenEnd(b, i, e);
        if (v == i) return fail("no value after the name");
        value = parseFloat(b, i, v);
        if (Double.isNaN(value) && !isNaNToken(b, i, v)) return fail("value '" + ascii(b, i, v) + "' is not a number");
        i = skipBlanks(b, v, e);
        if (i < e && b[i] != '#') {
            int t = tokenEnd(b, i, e);
            double ts = parseFloat(b, i, t);
            if (!Double.isFinite(ts)) return fail("timestamp '" + ascii(b, i, t) + "' is not a number");
            // Text format: integer milliseconds; OpenMetrics: seconds with a fraction. Epoch seconds stay
            // below 1e11 until the year 5138, epoch milliseconds are above it since 1973.
            timestampS = Math.abs(ts) >= 1e11 ? ts / 1000.0 : ts;
            i = skipBlanks(b, t, e);
        }
        if (i < e && b[i] == '#') {
            exemplar = true;
            return true;
        }
        if (i < e) return fail("unexpected text after the value: '" + ascii(b, i, e) + "'");
        return true;
    }

    /** The value of label {@code key}, or null. */
    String label(String key) {
        for (int k = 0; k < labelCount; k++) if (labelNames[k].equals(key)) return labelValues[k];
        return null;
    }

    /**
     * The labels other than {@code skip1}/{@code skip2} as {@code k="v",…}, sorted by key, values escaped
     * as the text format does: the canonical form two series compare equal by.
     */
    String canonicalLabels(String skip1, String skip2) {
        int n = 0;
        int[] idx = new int[labelCount];
        for (int k = 0; k < labelCount; k++) {
            if (labelNames[k].equals(skip1) || labelNames[k].equals(skip2)) continue;
            idx[n++] = k;
        }
        if (n == 0) return "";
        Integer[] order = new Integer[n];
        for (int k = 0; k < n; k++) order[k] = idx[k];
        Arrays.sort(order, (x, y) -> labelNames[x].compareTo(labelNames[y]));
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < n; k++) {
            if (k > 0) sb.append(',');
            sb.append(labelNames[order[k]]).append("=\"");
            escape(sb, labelValues[order[k]]);
            sb.append('"');
        }
        return sb.toString();
    }

    static void escape(StringBuilder sb, String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                case '\n' -> sb.append("\\n");
                default -> sb.append(c);
            }
        }
    }

    /** {@code {…}} at {@code b[i]}; returns the index after {@code }} or -1. */
    private int labels(byte[] b, int i, int e) {
        i++; // '{'
        while (true) {
            i = skipBlanks(b, i, e);
            if (i >= e) return failAt("labels not closed with '}'");
            if (b[i] == '}') return i + 1;
            String key;
            if (b[i] == '"') {
                int[] end = new int[1];
                key = quoted(b, i, e, end);
                if (key == null) return failAt("label name quote not closed");
                i = skipBlanks(b, end[0], e);
                if (i < e && (b[i] == ',' || b[i] == '}')) {
                    // A quoted string without '=': the metric name of the UTF-8 syntax.
                    if (name != null) return failAt("two metric names");
                    name = key;
                    if (b[i] == ',') i++;
                    continue;
                }
            } else {
                int k = labelNameEnd(b, i, e);
                if (k == i) return failAt("bad label name at '" + ascii(b, i, Math.min(e, i + 20)) + "'");
                key = new String(b, i, k - i, StandardCharsets.ISO_8859_1);
                i = skipBlanks(b, k, e);
            }
            if (i >= e || b[i] != '=') return failAt("no '=' after label " + key);
            i = skipBlanks(b, i + 1, e);
            if (i >= e || b[i] != '"') return failAt("label " + key + " has no quoted value");
            int[] end = new int[1];
            String val = quoted(b, i, e, end);
            if (val == null) return failAt("value of label " + key + " not closed with '\"'");
            if (labelCount == MAX_LABELS) return failAt("more than " + MAX_LABELS + " labels");
            if (labelCount == labelNames.length) {
                labelNames = Arrays.copyOf(labelNames, labelCount * 2);
                labelValues = Arrays.copyOf(labelValues, labelCount * 2);
            }
            labelNames[labelCount] = key;
            labelValues[labelCount] = val;
            labelCount++;
            i = skipBlanks(b, end[0], e);
            if (i < e && b[i] == ',') {
                i++;
            } else if (i < e && b[i] != '}') {
                return failAt("expected ',' or '}' after label " + key);
            }
        }
    }

    /** The unescaped UTF-8 string in quotes at {@code b[i]}; {@code end[0]} = index after the closing quote. */
    private String quoted(byte[] b, int i, int e, int[] end) {
        scratch.reset();
        int j = i + 1;
        while (j < e) {
            byte c = b[j];
            if (c == '"') {
                end[0] = j + 1;
                return scratch.toString(StandardCharsets.UTF_8);
            }
            if (c == '\\' && j + 1 < e) {
                byte n = b[j + 1];
                scratch.write(n == 'n' ? '\n' : n);
                j += 2;
                continue;
            }
            scratch.write(c);
            j++;
        }
        return null;
    }

    private boolean fail(String why) {
        error = why;
        return false;
    }

    private int failAt(String why) {
        error = why;
        return -1;
    }

    static int skipBlanks(byte[] b, int i, int e) {
        while (i < e && (b[i] == ' ' || b[i] == '\t')) i++;
        return i;
    }

    private static int tokenEnd(byte[] b, int i, int e) {
        while (i < e && b[i] != ' ' && b[i] != '\t') i++;
        return i;
    }

    /** End of a metric name {@code [a-zA-Z_:][a-zA-Z0-9_:]*} at {@code i}. */
    static int nameEnd(byte[] b, int i, int e) {
        if (i >= e || !(isLetter(b[i]) || b[i] == '_' || b[i] == ':')) return i;
        int j = i + 1;
        while (j < e && (isLetter(b[j]) || isDigit(b[j]) || b[j] == '_' || b[j] == ':')) j++;
        return j;
    }

    private static int labelNameEnd(byte[] b, int i, int e) {
        if (i >= e || !(isLetter(b[i]) || b[i] == '_')) return i;
        int j = i + 1;
        while (j < e && (isLetter(b[j]) || isDigit(b[j]) || b[j] == '_')) j++;
        return j;
    }

    private static boolean isLetter(byte c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isNaNToken(byte[] b, int s, int e) {
        return e - s == 3 && (b[s] | 0x20) == 'n' && (b[s + 1] | 0x20) == 'a' && (b[s + 2] | 0x20) == 'n';
    }

    /**
     * A float as Go's {@code strconv.ParseFloat} writes and reads them: decimal with optional exponent
     * ({@code 1.208354e+06}, {@code 6.399999999999999e-08}, {@code 1.0}), {@code NaN}, {@code +Inf},
     * {@code -Inf}, {@code Inf}, {@code infinity}, any case. NaN for anything else (callers tell the
     * two NaNs apart with the token).
     */
    static double parseFloat(byte[] b, int s, int e) {
        if (s >= e) return Double.NaN;
        int i = s;
        boolean negative = false;
        if (b[i] == '+' || b[i] == '-') {
            negative = b[i] == '-';
            i++;
        }
        if (isWordIgnoreCase(b, i, e, "inf") || isWordIgnoreCase(b, i, e, "infinity")) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        boolean digit = false;
        for (int j = i; j < e; j++) {
            byte c = b[j];
            if (isDigit(c)) {
                digit = true;
            } else if (c != '.' && c != 'e' && c != 'E' && c != '+' && c != '-') {
                return Double.NaN; // also keeps out Java-only forms like "1d", "0x1p3", "Infinity" spelled oddly
            }
        }
        if (!digit) return Double.NaN;
        try {
            return Double.parseDouble(new String(b, s, e - s, StandardCharsets.ISO_8859_1));
        } catch (NumberFormatException ex) {
            return Double.NaN;
        }
    }

    static double parseFloat(String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        return parseFloat(b, 0, b.length);
    }

    private static boolean isWordIgnoreCase(byte[] b, int i, int e, String w) {
        if (e - i != w.length()) return false;
        for (int k = 0; k < w.length(); k++) if ((b[i + k] | 0x20) != w.charAt(k)) return false;
        return true;
    }

    private static String ascii(byte[] b, int s, int e) {
        return dev.gcscope.parsers.io.Excerpt.of(b, s, e, 40);
    }
}
