package dev.gcscope.parsers.metrics;

import dev.gcscope.parsers.ParseOptions;
import dev.gcscope.parsers.ParseReport;
import dev.gcscope.parsers.io.Excerpt;
import dev.gcscope.parsers.io.LineReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The state of one Prometheus text / OpenMetrics parse. Every line is counted once, as used or as
 * skipped by kind. Samples are grouped into metric families by {@code # TYPE} when there is one, else
 * by shape ({@code _bucket} with {@code le} is a histogram, a {@code quantile} label a summary), and
 * into snapshots: a scrape ends at {@code # EOF}, or where a family's HELP/TYPE or a series repeats
 * ({@code while sleep 10; do curl …/metrics; done >> scrapes.txt}).
 */
final class PrometheusRun implements LineReader.Sink {
    static final String KIND_BLANK = "blank";
    static final String KIND_COMMENT = "comment";
    static final String KIND_ELISION = "elision ('...')";
    static final String KIND_CREATED = "OpenMetrics _created";
    static final String KIND_OTHER = "other text";
    static final String KIND_MALFORMED = "malformed sample";
    static final String KIND_BINARY = "binary data";
    static final String KIND_TOO_LONG = "line too long";

    /** A summary series' {@code _sum}/{@code _count}; its quantiles go to the tables as they come. */
    private static final class SummarySeries {
        final MetricFamilies.Family family;
        final String labels;
        double sum = Double.NaN;
        double count = Double.NaN;
        long line;

        SummarySeries(MetricFamilies.Family family, String labels, long line) {
            this.family = family;
            this.labels = labels;
            this.line = line;
        }
    }

    private final ParseReport.Builder report;
    private final SnapshotTables tables;
    private final GoReleaseHints releases = new GoReleaseHints();
    private final ClientGolangHints clients = new ClientGolangHints();
    private final ExpositionLine sample = new ExpositionLine();
    private final MetricFamilies families = new MetricFamilies();

    private boolean open;
    private final Set<String> seenSeries = new HashSet<>();
    private final Set<String> seenMeta = new HashSet<>();
    private final Map<String, HistogramSeries> histograms = new LinkedHashMap<>();
    private final Map<String, SummarySeries> summaries = new LinkedHashMap<>();

    /** Lines longer than this are not searched for a glued-on sample. */
    private static final int GLUED_MAX_LINE = 4096;
    private long gluedLines;
    private long firstGluedLine;
    private String lastMetaFamily = "";
    private long contentLines;
    private boolean sawEof;
    private boolean contentAfterEof;
    private long firstSampleLine = -1;
    private boolean startsWithBucket;
    private long elisions;
    private long firstElisionLine;
    private long exemplars;
    private long quotePrefixed;
    private boolean histogramTotalNames;
    private boolean negativeZeroBucket;

    PrometheusRun(ParseReport.Builder report, ParseOptions options) {
        this.report = report;
        this.tables = new SnapshotTables(options, true);
    }

    SnapshotTables tables() { return tables; }
    GoReleaseHints releases() { return releases; }

    // ---------------------------------------------------------------- lines

    @Override
    public void line(byte[] b, int s, int e, long lineNo) {
        int p = skipQuotePrefix(b, s, e);
        for (int q = s; q < p; q++) {
            if (b[q] == '>') {
                quotePrefixed++;
                break;
            }
        }
        int end = e;
        while (end > p && (b[end - 1] == ' ' || b[end - 1] == '\t')) end--;
        if (p == end) {
            report.skipped(KIND_BLANK);
            return;
        }
        if (hasControlBytes(b, p, end)) {
            report.skipped(KIND_BINARY);
            report.issue(lineNo, "binary data or control characters, not exposition text", Excerpt.of(b, s, e));
            return;
        }
        if (isElision(b, p, end)) {
            elision(lineNo);
            report.skipped(KIND_ELISION);
            return;
        }
        if (b[p] == '#') {
            comment(b, p, end, lineNo);
            return;
        }
        if (!sample.parse(b, p, end)) {
            int glued = sample.lookedLikeSample ? -1 : gluedSampleStart(b, p, end);
            if (glued >= 0) {
                // `  0     0    0 … --:--:--     0go_gc_cycles_automatic_gc_cycles_total 24958`: curl's
                // progress meter (stderr) glued to the first sample when both went to one terminal.
                if (gluedLines++ == 0) firstGluedLine = lineNo;
                sample.parse(b, glued, end);
                sample(lineNo);
                return;
            }
            if (endsWithEllipsis(b, p, end)) {
                // `go_gc_pauses_seconds_bucket{le="...` – a paste cut with "...".
                elision(lineNo);
                report.skipped(KIND_ELISION);
            } else if (sample.lookedLikeSample) {
                report.skipped(KIND_MALFORMED);
                report.issue(lineNo, "not a valid sample line: " + sample.error, Excerpt.of(b, s, e));
            } else {
                report.skipped(KIND_OTHER);
            }
            return;
        }
        sample(lineNo);
    }

    @Override
    public void overlongLine(byte[] head, long lineNo, long length) {
        report.skipped(KIND_TOO_LONG);
        report.issue(lineNo, String.format(Locale.ROOT, "line is %,d bytes long, over the %,d-byte limit for one line; skipped",
                length, LineReader.DEFAULT_MAX_LINE_BYTES), Excerpt.of(head, 0, head.length));
    }

    /**
     * Where a whole sample line starts inside other text, or -1: a metric name (with an underscore, as
     * every exposed Go metric has) that does not continue a word and parses to the end of the line.
     */
    private int gluedSampleStart(byte[] b, int s, int e) {
        if (e - s > GLUED_MAX_LINE) return -1;
        for (int q = s + 1; q < e; q++) {
            byte c = b[q];
            boolean starts = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
            if (!starts || isNameByte(b[q - 1]) && !(b[q - 1] >= '0' && b[q - 1] <= '9')) continue;
            if (sample.parse(b, q, e) && sample.name.indexOf('_') > 0) return q;
        }
        return -1;
    }

    private static boolean isNameByte(byte c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == ':';
    }

    /** Leading blanks and e-mail/Markdown quote markers ({@code > }, {@code >> }). */
    static int skipQuotePrefix(byte[] b, int s, int e) {
        int p = s;
        while (p < e && (b[p] == ' ' || b[p] == '\t' || b[p] == '>')) p++;
        return p;
    }

    private static boolean hasControlBytes(byte[] b, int s, int e) {
        for (int i = s; i < e; i++) {
            byte c = b[i];
            if ((c >= 0 && c < 0x20 && c != '\t') || c == 0x7f) return true;
        }
        return false;
    }

    /** {@code ...}, {@code …}, {@code [...]}, {@code <snip>} alone on a line. */
    private static boolean isElision(byte[] b, int s, int e) {
        String t = new String(b, s, Math.min(e - s, 16), StandardCharsets.UTF_8).trim();
        if (e - s > 16) return false;
        return t.matches("\\.{3,}|…+|\\[(\\.{3}|…)]|\\(\\.{3}\\)|<snip>|\\[snip]|\\[SNIP]|<SNIP>");
    }

    private static boolean endsWithEllipsis(byte[] b, int s, int e) {
        if (e - s >= 3 && b[e - 1] == '.' && b[e - 2] == '.' && b[e - 3] == '.') return true;
        return e - s >= 3 && (b[e - 3] & 0xff) == 0xE2 && (b[e - 2] & 0xff) == 0x80 && (b[e - 1] & 0xff) == 0xA6;
    }

    private void elision(long lineNo) {
        if (elisions++ == 0) firstElisionLine = lineNo;
    }

    // ---------------------------------------------------------------- comments

    /**
     * {@code # HELP name text}, {@code # TYPE name type}, {@code # UNIT name unit}, {@code # EOF}; any
     * other {@code #} line is a comment.
     */
    private void comment(byte[] b, int p, int e, long lineNo) {
        int i = ExpositionLine.skipBlanks(b, p + 1, e);
        int k = i;
        while (k < e && b[k] != ' ' && b[k] != '\t') k++;
        String keyword = new String(b, i, k - i, StandardCharsets.ISO_8859_1);
        if (keyword.equals("EOF") && ExpositionLine.skipBlanks(b, k, e) == e) {
            if (open) closeSnapshot();
            sawEof = true;
            report.used();
            return;
        }
        if (!keyword.equals("HELP") && !keyword.equals("TYPE") && !keyword.equals("UNIT")) {
            report.skipped(KIND_COMMENT);
            return;
        }
        int n = ExpositionLine.skipBlanks(b, k, e);
        int ne = ExpositionLine.nameEnd(b, n, e);
        if (ne == n) {
            report.skipped(KIND_COMMENT);
            return;
        }
        String name = new String(b, n, ne - n, StandardCharsets.ISO_8859_1);
        int t = ne < e ? ExpositionLine.skipBlanks(b, ne, e) : e;
        String rest = new String(b, t, e - t, StandardCharsets.UTF_8);
        // A family's HELP or TYPE seen again: the next scrape has begun. Not when it repeats the family
        // just described: client_golang's OpenMetrics output names the go_memstats_alloc_bytes gauge and
        // the go_memstats_alloc_bytes_total counter's family alike (real scrape, v1.14 and v1.21):
        //   # TYPE go_memstats_alloc_bytes gauge / go_memstats_alloc_bytes 946080.0
        //   # TYPE go_memstats_alloc_bytes counter / go_memstats_alloc_bytes_total 2.81245576e+09
        if (!seenMeta.add(keyword + ' ' + name) && open && !name.equals(lastMetaFamily)) {
            closeSnapshot();
            seenMeta.add(keyword + ' ' + name);
        }
        lastMetaFamily = name;
        ensureOpen(lineNo);
        MetricFamilies.Family f = families.family(name);
        switch (keyword) {
            case "TYPE" -> {
                families.declare(name, rest.trim().toLowerCase(Locale.ROOT));
                if (f.type.equals("histogram") && name.endsWith("_total")) histogramTotalNames = true;
            }
            case "HELP" -> {
                String help = unescapeHelp(rest);
                releases.help(help);
                clients.help(name, help);
                String sourced = sourcedFrom(help);
                if (sourced != null) f.runtimeName = sourced;
            }
            default -> { } // UNIT: the unit is also the name's suffix
        }
        report.used();
    }

    /** HELP escapes only {@code \\} and {@code \n}. */
    private static String unescapeHelp(String s) {
        if (s.indexOf('\\') < 0) return s;
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                sb.append(n == 'n' ? '\n' : n);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * client_golang ≥1.20 ends a runtime metric's HELP with {@code Sourced from /gc/gogc:percent} (no
     * period in v1.20.x, a period from v1.21.0): the exact runtime/metrics name.
     */
    static String sourcedFrom(String help) {
        int at = help.lastIndexOf("Sourced from ");
        if (at < 0) return null;
        int s = at + "Sourced from ".length();
        int e = s;
        while (e < help.length() && !Character.isWhitespace(help.charAt(e))) e++;
        String name = help.substring(s, e);
        if (name.endsWith(".")) name = name.substring(0, name.length() - 1);
        return RuntimeMetricNames.isRuntimeName(name) ? name : null;
    }

    // ---------------------------------------------------------------- samples

    private void sample(long lineNo) {
        ExpositionLine x = sample;
        if (x.exemplar) exemplars++;
        String seriesKey = x.name + '{' + x.canonicalLabels(null, null) + '}';
        if (!seenSeries.add(seriesKey) && open) {
            closeSnapshot();
            seenSeries.add(seriesKey);
        }
        ensureOpen(lineNo);
        if (!Double.isNaN(x.timestampS)) tables.timeIfUnknown(x.timestampS);
        if (firstSampleLine < 0) {
            firstSampleLine = lineNo;
            startsWithBucket = contentLines == 1 && x.name.endsWith("_bucket");
        }
        if (x.name.equals("go_info")) {
            String v = x.label("version");
            if (v != null) releases.exactVersion(v);
        }
        String[] base = new String[1];
        MetricFamilies.Role role = families.role(x, base);
        MetricFamilies.Family f = families.family(base[0]);
        switch (role) {
            case BUCKET -> {
                String le = x.label("le");
                if (le == null) {
                    report.skipped(KIND_MALFORMED);
                    report.issue(lineNo, "histogram bucket without an le label", x.name);
                    return;
                }
                double upper = ExpositionLine.parseFloat(le);
                if (Double.isNaN(upper)) {
                    report.skipped(KIND_MALFORMED);
                    report.issue(lineNo, "le=\"" + le + "\" is not a number", x.name);
                    return;
                }
                // go_gc_pauses_seconds_total_bucket{le="-5e-324"} 0: v1.12 kept the runtime's -Inf bucket.
                if (upper < 0 && upper > -Double.MIN_NORMAL) {
                    negativeZeroBucket = true;
                    clients.negativeZeroBucket();
                }
                histogram(f, x.canonicalLabels("le", null), lineNo).bucket(upper, x.value, lineNo);
            }
            case HIST_SUM -> histogram(f, x.canonicalLabels(null, null), lineNo).sum = x.value;
            case HIST_COUNT -> {
                HistogramSeries h = histogram(f, x.canonicalLabels(null, null), lineNo);
                h.count = x.value;
                h.countLine = lineNo;
            }
            case QUANTILE -> {
                double q = ExpositionLine.parseFloat(x.label("quantile"));
                String labels = x.canonicalLabels("quantile", null);
                summary(f, labels, lineNo);
                tables.quantile(f.metric(), f.name, labels, q, x.value, lineNo);
            }
            case SUMMARY_SUM -> summary(f, x.canonicalLabels(null, null), lineNo).sum = x.value;
            case SUMMARY_COUNT -> summary(f, x.canonicalLabels(null, null), lineNo).count = x.value;
            case CREATED -> {
                report.skipped(KIND_CREATED);
                return;
            }
            case VALUE -> {
                String type = f.type == null ? "untyped" : f.type;
                // Counters keep their sample name (with _total) in both formats; OpenMetrics only drops it from the family.
                String prom = x.name;
                String runtime = f.runtimeName != null && !f.runtimeName.isEmpty() ? f.runtimeName : RuntimeMetricNames.fromPrometheus(prom);
                tables.value(runtime != null ? runtime : prom, prom, x.canonicalLabels(null, null), type, x.value, lineNo);
            }
        }
        report.used();
    }

    private HistogramSeries histogram(MetricFamilies.Family f, String labels, long lineNo) {
        return histograms.computeIfAbsent(f.name + '\u0000' + labels, k -> new HistogramSeries(f, labels, lineNo));
    }

    private SummarySeries summary(MetricFamilies.Family f, String labels, long lineNo) {
        return summaries.computeIfAbsent(f.name + '\u0000' + labels, k -> new SummarySeries(f, labels, lineNo));
    }

    // ---------------------------------------------------------------- snapshots

    private void ensureOpen(long lineNo) {
        contentLines++;
        if (open) return;
        if (sawEof) contentAfterEof = true;
        open = true;
        tables.startSnapshot(Double.NaN);
    }

    /** Ends the current scrape: its histograms and summaries go to the tables. */
    private void closeSnapshot() {
        for (HistogramSeries h : histograms.values()) flushHistogram(h);
        for (SummarySeries s : summaries.values()) {
            tables.summarySeries(s.family.metric(), s.family.name, s.labels, s.sum, s.count, s.line);
        }
        histograms.clear();
        summaries.clear();
        seenSeries.clear();
        seenMeta.clear();
        open = false;
    }

    void finish() {
        if (open) closeSnapshot();
    }

    /** One histogram of the scrape that ends, into the tables, with what was wrong with it reported. */
    private void flushHistogram(HistogramSeries h) {
        String metric = h.family.metric();
        String name = h.family.name;
        if (h.n == 0) {
            // Only _sum/_count survived (a paste cut the buckets off).
            tables.summarySeries(metric, name, h.labels, h.sum, h.count, h.seriesLine());
            return;
        }
        HistogramSeries.Buckets b = h.buckets();
        if (b.infFromCount()) {
            report.issue(b.lines()[b.n() - 2], "histogram " + name + " has no le=\"+Inf\" bucket (cut off?); took its count from _count", "");
        } else if (b.incomplete()) {
            report.issue(b.lines()[b.n() - 1], "histogram " + name + " ends without its le=\"+Inf\" bucket (cut off?);"
                    + " percentiles of it are undefined", "");
        }
        if (b.negative()) report.issue(h.firstLine, "cumulative bucket counts of " + name + " go down; per-bucket counts are negative", "");
        // client_golang v1.12 added _total to cumulative histograms (go_gc_pauses_seconds_total), TYPE or not.
        if (RuntimeMetricNames.isKnownHistogram(metric)) {
            clients.runtimeHistogram(name);
            if (name.endsWith("_total")) histogramTotalNames = true;
        }
        releases.histogram(metric);
        releases.timeBoundaries(metric, b.upper(), b.n(), false);
        tables.histogram(metric, name, h.labels, b.lower(), b.upper(), b.counts(), b.lines(), b.n(), h.sum, b.total(), h.seriesLine());
    }

    // ---------------------------------------------------------------- report

    void addNotes() {
        int snapshots = tables.snapshots();
        if (snapshots > 1) {
            report.note(String.format(Locale.ROOT, "%d scrapes (snapshots) in one file: a new one starts where"
                    + " a metric family or series repeats%s", snapshots, sawEof ? " or after # EOF" : ""));
        }
        tables.addNotes(report);
        if (elisions > 0) {
            report.note(String.format(Locale.ROOT, "the input has %d elided part(s) ('...', first at line %d):"
                    + " histograms cut there may be incomplete", elisions, firstElisionLine));
        }
        if (startsWithBucket) {
            report.note("the input starts with a _bucket line (line " + firstSampleLine + "): it may begin in the middle"
                    + " of a histogram, whose lower buckets are then missing");
        }
        if (gluedLines > 0) {
            report.note(String.format(Locale.ROOT, "%d sample(s) were glued to other text (curl's progress meter?),"
                    + " first at line %d; read from where the metric name starts", gluedLines, firstGluedLine));
        }
        if (exemplars > 0) report.note(exemplars + " sample(s) carry an exemplar (after ' # '); exemplars are ignored");
        if (quotePrefixed > 0) report.note(quotePrefixed + " line(s) were quoted ('> '); the quote marks were removed");
        if (histogramTotalNames || negativeZeroBucket) {
            report.note("histogram names end in _total and/or have le=\"-5e-324\": client_golang v1.12.x,"
                    + " whose time-histogram _sum is NaN or an estimate");
        }
        if (contentAfterEof) report.note("content follows # EOF: read as further scrapes");
    }

    /** The client_golang releases the scrape's details allow, for the attributes. */
    String clientHints() {
        return clients.describe();
    }
}
