package dev.gcscope.parsers.metrics;

import dev.gcscope.parsers.ParseOptions;
import dev.gcscope.parsers.ParseReport;
import dev.gcscope.parsers.io.Excerpt;
import dev.gcscope.parsers.io.LineReader;
import dev.gcscope.parsers.io.PreviousLine;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The state of one Prometheus text / OpenMetrics parse. Every line is counted once, as used or as
 * skipped by kind. Each line is classified ({@link ExpositionLineKinds}); samples are grouped into
 * metric families by {@code # TYPE} when there is one, else by shape ({@link MetricFamilies}), into
 * scrapes ({@link ScrapeSegmenter}) and, within a scrape, into histograms and summaries
 * ({@link ScrapeAssembler}).
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
    static final String KIND_DUPLICATE = "duplicate line";

    private final ParseReport.Builder report;
    private final SnapshotTables tables;
    private final GoReleaseHints releases = new GoReleaseHints();
    private final ClientGolangHints clients = new ClientGolangHints();
    private final ExpositionLineKinds lines = new ExpositionLineKinds();
    private final MetricFamilies families = new MetricFamilies();
    private final ScrapeAssembler scrape;
    private final ScrapeSegmenter scrapes;

    private long gluedLines;
    private long firstGluedLine;
    private long firstSampleLine = -1;
    private boolean startsWithBucket;
    private long elisions;
    private long firstElisionLine;
    private long exemplars;
    private long quotePrefixed;
    private final PreviousLine previous = new PreviousLine();

    PrometheusRun(ParseReport.Builder report, ParseOptions options) {
        this.report = report;
        this.tables = new SnapshotTables(options, true);
        this.scrape = new ScrapeAssembler(report, tables, releases, clients);
        this.scrapes = new ScrapeSegmenter(new ScrapeSegmenter.Listener() {
            @Override
            public void opened() {
                tables.startSnapshot(Double.NaN);
            }

            @Override
            public void ended() {
                scrape.endScrape();
            }
        });
    }

    SnapshotTables tables() { return tables; }
    GoReleaseHints releases() { return releases; }

    // ---------------------------------------------------------------- lines

    @Override
    public void line(byte[] b, int s, int e, long lineNo) {
        if (repeatsLastLine(b, s, e)) {
            report.skipped(KIND_DUPLICATE, lineNo, b, s, e);
            return;
        }
        ExpositionLineKinds.Kind kind = lines.classify(b, s, e);
        if (lines.quoted) quotePrefixed++;
        switch (kind) {
            case BLANK -> report.skipped(KIND_BLANK, lineNo, b, s, e);
            case BINARY -> {
                report.skipped(KIND_BINARY, lineNo, b, s, e);
                report.issue(lineNo, "binary data or control characters, not exposition text", Excerpt.of(b, s, e));
            }
            case ELISION -> {
                if (elisions++ == 0) firstElisionLine = lineNo;
                report.skipped(KIND_ELISION, lineNo, b, s, e);
            }
            case COMMENT -> comment(b, lines.start, lines.end, lineNo);
            case GLUED_SAMPLE -> {
                if (gluedLines++ == 0) firstGluedLine = lineNo;
                sample(lineNo);
            }
            case SAMPLE -> sample(lineNo);
            case MALFORMED -> {
                report.skipped(KIND_MALFORMED, lineNo, b, s, e);
                report.issue(lineNo, "not a valid sample line: " + lines.sample.error, Excerpt.of(b, s, e));
            }
            case OTHER -> report.skipped(KIND_OTHER, lineNo, b, s, e);
        }
    }

    /**
     * Whether {@code b[s, e)} is the line before it again. An exposition holds each series once and
     * each family's comments once, so the same line twice in a row is a log shipped twice
     * (at-least-once shippers resend lines), and its copy would start a new, broken scrape. A blank
     * line in between ends the comparison: scrapes of a single series may repeat an unchanged value.
     */
    private boolean repeatsLastLine(byte[] b, int s, int e) {
        if (previous.is(b, s, e)) return true;
        if (ExpositionLine.skipBlanks(b, s, e) == e) previous.forget(); else previous.keep(b, s, e);
        return false;
    }

    @Override
    public void overlongLine(byte[] head, long lineNo, long length) {
        report.skipped(KIND_TOO_LONG, lineNo, head, 0, head.length);
        report.issue(lineNo, LineReader.overlongReason(length), Excerpt.of(head, 0, head.length));
    }

    @Override
    public void damagedInput(long lineNo, String reason) {
        report.damage(lineNo, reason);
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
            scrapes.eof();
            report.used();
            return;
        }
        if (!keyword.equals("HELP") && !keyword.equals("TYPE") && !keyword.equals("UNIT")) {
            report.skipped(KIND_COMMENT, lineNo, b, p, e);
            return;
        }
        int n = ExpositionLine.skipBlanks(b, k, e);
        int ne = ExpositionLine.nameEnd(b, n, e);
        if (ne == n) {
            report.skipped(KIND_COMMENT, lineNo, b, p, e);
            return;
        }
        String name = new String(b, n, ne - n, StandardCharsets.ISO_8859_1);
        int t = ne < e ? ExpositionLine.skipBlanks(b, ne, e) : e;
        String rest = new String(b, t, e - t, StandardCharsets.UTF_8);
        scrapes.meta(keyword, name);
        MetricFamilies.Family f = families.family(name);
        switch (keyword) {
            case "TYPE" -> {
                families.declare(name, rest.trim().toLowerCase(Locale.ROOT));
                if (f.type.equals("histogram") && name.endsWith("_total")) scrape.histogramTypedWithTotal();
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
        ExpositionLine x = lines.sample;
        if (x.exemplar) exemplars++;
        scrapes.sample(x.name + '{' + x.canonicalLabels(null, null) + '}');
        if (!Double.isNaN(x.timestampS)) tables.timeIfUnknown(x.timestampS);
        if (firstSampleLine < 0) {
            firstSampleLine = lineNo;
            startsWithBucket = scrapes.contentLines() == 1 && x.name.endsWith("_bucket");
        }
        if (x.name.equals("go_info")) {
            String v = x.label("version");
            if (v != null) releases.exactVersion(v);
        }
        String[] base = new String[1];
        MetricFamilies.Role role = families.role(x, base);
        if (scrape.add(x, role, families.family(base[0]), lineNo)) report.used();
    }

    void finish() {
        scrapes.finish();
    }

    // ---------------------------------------------------------------- report

    void addNotes() {
        int snapshots = tables.snapshots();
        if (snapshots > 1) {
            report.note(String.format(Locale.ROOT, "%d scrapes (snapshots) in one file: a new one starts where"
                    + " a metric family or series repeats%s", snapshots, scrapes.sawEof() ? " or after # EOF" : ""));
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
        if (scrape.looksLikeClientGolang112()) {
            report.note("histogram names end in _total and/or have le=\"-5e-324\": client_golang v1.12.x,"
                    + " whose time-histogram _sum is NaN or an estimate");
        }
        if (scrapes.contentAfterEof()) report.note("content follows # EOF: read as further scrapes");
    }

    /** The client_golang releases the scrape's details allow, for the attributes. */
    String clientHints() {
        return clients.describe();
    }
}
