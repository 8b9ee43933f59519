package dev.gcscope.parsers.gctrace;

import dev.gcscope.parsers.ParseOptions;
import dev.gcscope.parsers.ParseReport;
import dev.gcscope.parsers.io.Excerpt;
import dev.gcscope.parsers.io.LineReader;
import dev.gcscope.parsers.prefix.WallClockParser;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The state of one gctrace parse: it receives every line, sends gc lines to the {@link GcLineParser},
 * held lines to the {@link SplitLineJoiner}, other lines to the {@link SideLineClassifier}, and
 * counts each line exactly once as used or skipped-by-kind.
 */
final class GcTraceRun implements LineReader.Sink {
    static final String KIND_MALFORMED = "malformed gc line";
    static final String KIND_DUPLICATE = "duplicate gc line";
    static final String KIND_TOO_LONG = "line too long";

    private final ParseReport.Builder report;
    private final CycleTableBuilder cycles;
    private final ScavengerTableBuilder scavenger = new ScavengerTableBuilder();
    private final WallClockParser wallClock;
    private final GcLineParser parser = new GcLineParser();
    private final GcLine line = new GcLine();
    private final SplitLineJoiner joiner = new SplitLineJoiner();
    private final SideLineClassifier sides = new SideLineClassifier();
    private final Set<GcDialect> dialects = EnumSet.noneOf(GcDialect.class);

    private int run;
    private int lastGc = Integer.MAX_VALUE;
    private long lastStartMillis = GcLine.NO_TIME;
    private boolean periodicNext;
    private boolean lastRowHadTrailingText;
    private long rejoined;
    private long firstRejoinedLine = -1;
    private long unknownFields;
    private String firstUnknownField;
    private long firstUnknownFieldLine;
    private long restarts;

    GcTraceRun(ParseReport.Builder report, int expectedRows, int referenceYear, ParseOptions options) {
        this.report = report;
        this.cycles = new CycleTableBuilder(expectedRows, options);
        this.wallClock = new WallClockParser(referenceYear);
    }

    @Override
    public void line(byte[] b, int s, int e, long lineNo) {
        int anchor = (e - s > 3 && b[s] == 'g' && b[s + 1] == 'c' && b[s + 2] == ' ') ? s : findAnchor(b, s, e);
        if (joiner.active()) {
            SplitLineJoiner.Outcome outcome = anchor < 0 ? continueHeld(b, s, e) : SplitLineJoiner.Outcome.NONE;
            if (outcome == SplitLineJoiner.Outcome.COMPLETE || outcome == SplitLineJoiner.Outcome.MORE) return;
            boolean giveUp = outcome == SplitLineJoiner.Outcome.LOG_LINE
                    ? ++joiner.logLinesWaited > SplitLineJoiner.MAX_LOG_LINES_BETWEEN
                    : ++joiner.linesWaited > SplitLineJoiner.LOOKAHEAD_LINES;
            if (anchor >= 0 || giveUp || findWeakAnchor(b, s, e) >= 0) flushHeld(false);
        }
        if (anchor >= 0) {
            gcLine(b, s, e, anchor, lineNo, false);
            return;
        }
        int weak = findWeakAnchor(b, s, e);
        if (weak >= 0) {
            gcLine(b, s, e, weak, lineNo, true);
        } else {
            sideLine(b, s, e, lineNo);
        }
    }

    /** The common case without looking for the line end first: a complete gc line at the start of a line. */
    /**
     * The fused fast path is tried only this far from the end of the data read so far, where a gc
     * line (under 300 bytes even with every number at its widest) is surely whole; nearer the end the
     * reader finds the line's end first. A line cut by the buffer's end would fail the fast path at
     * whichever field the cut fell in, and each new place the JIT sees it fail throws the compiled
     * parser away: on a million cycles that was four compilations of it instead of one.
     */
    static final int WHOLE_LINE_SURELY = 512;

    @Override
    public int lineAt(byte[] b, int s, int limit, long lineNo) {
        if (joiner.active() || limit - s < WHOLE_LINE_SURELY || b[s] != 'g' || b[s + 1] != 'c' || b[s + 2] != ' ') return -1;
        int end = FastGcLine.parseLine(b, s, limit, line);
        if (end < 0) return -1;
        if (emit(b, lineNo, WallClockParser.MISSING, consumePeriodic(), false)) report.used(); else report.skipped(KIND_DUPLICATE, lineNo, b, s, end);
        return end;
    }

    @Override
    public void overlongLine(byte[] head, long lineNo, long length) {
        report.skipped(KIND_TOO_LONG, lineNo, head, 0, head.length);
        report.issue(lineNo, String.format(Locale.ROOT,
                "line is %,d bytes long, over the %,d-byte limit for one line; skipped", length,
                LineReader.DEFAULT_MAX_LINE_BYTES), Excerpt.of(head, 0, head.length));
    }

    void finish() {
        if (joiner.active()) flushHeld(true);
    }

    private void gcLine(byte[] b, int s, int e, int anchor, long lineNo, boolean weak) {
        long wall = anchor > s ? wallClock.parse(b, s, anchor) : WallClockParser.MISSING;
        int status = FastGcLine.parse(b, anchor, e, line) ? GcLineParser.COMPLETE : parser.parse(b, anchor, e, false, line);
        if (status == GcLineParser.COMPLETE && line.damagedField) {
            // Complete but with a damaged field: keep the rest, say which field was lost.
            String field = Excerpt.of(b, line.unknownFieldStart, line.unknownFieldEnd, 60);
            if (emit(b, lineNo, wall, consumePeriodic(), true)) {
                report.used();
                report.issue(lineNo, "unreadable field '" + field + "' in gc line; kept the other fields", Excerpt.of(b, s, e));
            } else {
                report.skipped(KIND_DUPLICATE, lineNo, b, s, e);
            }
            return;
        }
        if (status == GcLineParser.COMPLETE) {
            if (emit(b, lineNo, wall, consumePeriodic(), false)) report.used(); else report.skipped(KIND_DUPLICATE, lineNo, b, s, e);
            return;
        }
        joiner.hold(b, s, e, anchor, status, parser.failPos, lineNo, wall, consumePeriodic(), weak);
    }

    private SplitLineJoiner.Outcome continueHeld(byte[] b, int s, int e) {
        int expected = lastGc == Integer.MAX_VALUE ? GcLine.NONE : lastGc + 1;
        SplitLineJoiner.Outcome outcome = joiner.tryJoin(b, s, e, expected, parser, line);
        if (outcome == SplitLineJoiner.Outcome.COMPLETE) {
            rejoined++;
            if (firstRejoinedLine < 0) firstRejoinedLine = joiner.headLine;
            if (emit(joiner.lastInput(), joiner.headLine, joiner.wallMillis, joiner.periodic, false)) {
                report.used(joiner.lines);
            } else {
                for (int i = 0; i < joiner.lines; i++) report.skipped(KIND_DUPLICATE);
            }
        }
        return outcome;
    }

    /**
     * Keeps what the held line has (when it has at least its gc number and time) and reports the
     * rest. A held line that never got past {@code gc } was just the word in other text.
     */
    private void flushHeld(boolean atEnd) {
        int status = joiner.parseHead(parser, line);
        int heldLines = joiner.lines;
        long at = joiner.headLine;
        joiner.clear();
        boolean keep = line.hasHeader() && (line.startMillis != GcLine.NO_TIME || line.legacy);
        if (joiner.weak && !keep) {
            sideLine(joiner.headBytes(), 0, joiner.headLength(), at);
            return;
        }
        String reason;
        if (atEnd && status == GcLineParser.INCOMPLETE) {
            reason = "gc line cut off at the end of the input";
        } else if (status == GcLineParser.INCOMPLETE) {
            reason = "gc line ends early (cut off or wrapped) and no continuation followed";
        } else {
            reason = "unexpected text in gc line at column " + joiner.failColumn() + " (split by other output, or damaged)";
        }
        String excerpt = joiner.excerpt();
        if (keep && emit(joiner.lastInput(), at, joiner.wallMillis, joiner.periodic, true)) {
            report.used(heldLines);
            report.issue(at, reason + "; kept the fields before it", excerpt);
        } else {
            report.skipped(KIND_MALFORMED, at, excerpt);
            for (int i = 1; i < heldLines; i++) report.skipped(KIND_MALFORMED);
            report.issue(at, reason + "; nothing usable", excerpt);
        }
    }

    /** The {@code GC forced} announcement applies to the next gc line only. */
    private boolean consumePeriodic() {
        boolean p = periodicNext;
        periodicNext = false;
        return p;
    }

    private void sideLine(byte[] b, int s, int e, long lineNo) {
        SideLine kind = sides.classify(b, s, e);
        switch (kind) {
            case GC_FORCED -> {
                periodicNext = true;
                report.used();
            }
            case SCAVENGER -> scavengerLine(b, s, e, lineNo);
            case FORCED_SUFFIX -> {
                if (lastRowHadTrailingText && cycles.size() > 0) {
                    cycles.markForced(cycles.size() - 1);
                    lastRowHadTrailingText = false;
                    report.used();
                } else {
                    report.skipped(kind.reportKind, lineNo, b, s, e);
                }
            }
            case GC_FRAGMENT -> {
                report.skipped(KIND_MALFORMED, lineNo, b, s, e);
                report.issue(lineNo, "looks like the rest of a gc line whose beginning is missing", Excerpt.of(b, s, e));
            }
            default -> report.skipped(kind.reportKind, lineNo, b, s, e);
        }
    }

    private void scavengerLine(byte[] b, int s, int e, long lineNo) {
        int at = sides.position;
        ScavengerLine parsed = ScavengerLine.parse(new String(b, at, Math.min(e - at, 400), StandardCharsets.ISO_8859_1));
        if (parsed == null) {
            report.skipped(KIND_MALFORMED, lineNo, b, s, e);
            report.issue(lineNo, "scavenger line in a layout gcscope does not know", Excerpt.of(b, s, e));
            return;
        }
        long wall = at > s ? wallClock.parse(b, s, at) : WallClockParser.MISSING;
        if (parsed.kind() == ScavengerLine.Kind.SCVG_GC_FORCED) {
            periodicNext = true;
        } else {
            scavenger.add(parsed, Math.max(run, 1), lastGc == Integer.MAX_VALUE ? GcLine.NONE : lastGc, lineNo, wall);
        }
        report.used();
    }

    /**
     * Adds the cycle in {@link #line}. A gc number not above the previous one starts a new run (the
     * process restarted); the same number at the same time twice is a duplicated line.
     *
     * @return false when the line was a duplicate and not added
     */
    private boolean emit(byte[] src, long lineNo, long wall, boolean periodic, boolean partial) {
        GcLine l = line;
        if (l.gc == lastGc && l.startMillis == lastStartMillis && cycles.size() > 0) return false;
        if (l.gc <= lastGc) {
            run++;
            if (run > 1) restarts++;
        }
        lastGc = l.gc;
        lastStartMillis = l.startMillis;
        cycles.add(l, run, lineNo, wall, periodic, partial);
        lastRowHadTrailingText = l.trailingText && !l.forced;
        if (!partial) dialects.add(l.dialect());
        if (l.unknownFieldStart >= 0 && !l.damagedField) {
            unknownFields++;
            if (firstUnknownField == null) {
                firstUnknownField = Excerpt.of(src, l.unknownFieldStart, l.unknownFieldEnd, 60);
                firstUnknownFieldLine = lineNo;
            }
        }
        return true;
    }

    /**
     * Start of a gc line inside {@code b[s, e)}: {@code gc N @} (Go 1.5+; also just {@code gc N} at the
     * end of a split line) or {@code gcN(} (Go ≤1.4), at the start of a word.
     */
    static int findAnchor(byte[] b, int s, int e) {
        for (int i = s; i + 3 < e; i++) {
            if (b[i] != 'g' || b[i + 1] != 'c') continue;
            if (i > s && SideLineClassifier.isWordChar(b[i - 1])) continue;
            int j = i + 2;
            if (b[j] == ' ') {
                while (j < e && b[j] == ' ') j++;
                int d = j;
                while (j < e && GcLineParser.isDigit(b[j])) j++;
                if (j == d) continue;
                while (j < e && b[j] == ' ') j++;
                if (j == e || b[j] == '@') return i;
            } else if (GcLineParser.isDigit(b[j])) {
                while (j < e && GcLineParser.isDigit(b[j])) j++;
                if (j < e && b[j] == '(') return i;
            }
        }
        return -1;
    }

    /**
     * {@code gc } at the start of a line's text with something other than a gc number after it: the
     * runtime's first piece of a gc line with an application line glued on, e.g.
     * {@code gc 2026/11/27 00:11:43 request id=225 …} (the number follows on a later line), or a
     * lone {@code gc} where a mail client wrapped the line.
     */
    static int findWeakAnchor(byte[] b, int s, int e) {
        for (int i = s; i + 2 <= e; i++) {
            if (b[i] == 'g' && b[i + 1] == 'c' && (i + 2 == e || b[i + 2] == ' ') && startsLineText(b, s, i)) return i;
        }
        return -1;
    }

    /**
     * Whether {@code b[i]} is where the line's own text starts: at its beginning (after blanks and
     * {@code >} quotes), or right after a collector's prefix — a line that starts with a timestamp and
     * whose last word before {@code i} is a timestamp, {@code stdout F}/{@code stderr F}, or ends with
     * {@code :} ({@code host app[12]:}). An application's {@code 2026/11/27 00:11:40 forcing gc} is
     * not: "forcing" is none of these.
     */
    static boolean startsLineText(byte[] b, int s, int i) {
        int q = s;
        while (q < i && (b[q] == ' ' || b[q] == '\t' || b[q] == '>')) q++;
        if (q == i) return true;
        if (b[i - 1] != ' ' && b[i - 1] != '\t') return false;
        if (!WallClockParser.startsAt(b, q, i)) return false;
        int wordEnd = i;
        while (wordEnd > q && (b[wordEnd - 1] == ' ' || b[wordEnd - 1] == '\t')) wordEnd--;
        int wordStart = wordEnd;
        while (wordStart > q && b[wordStart - 1] != ' ' && b[wordStart - 1] != '\t') wordStart--;
        if (wordStart == q || b[wordEnd - 1] == ':' || WallClockParser.startsAt(b, wordStart, wordEnd)) return true;
        if (wordEnd - wordStart == 1 && (b[wordStart] == 'F' || b[wordStart] == 'P')) {
            int prevEnd = wordStart;
            while (prevEnd > q && b[prevEnd - 1] == ' ') prevEnd--;
            return endsWith(b, q, prevEnd, "stderr") || endsWith(b, q, prevEnd, "stdout");
        }
        return false;
    }

    private static boolean endsWith(byte[] b, int from, int end, String word) {
        int n = word.length();
        if (end - from < n) return false;
        for (int k = 0; k < n; k++) {
            if (b[end - n + k] != word.charAt(k)) return false;
        }
        return true;
    }

    CycleTableBuilder cycles() { return cycles; }
    ScavengerTableBuilder scavenger() { return scavenger; }
    Set<GcDialect> dialects() { return dialects; }

    /** Whole-file remarks for the report. */
    void addNotes() {
        if (rejoined > 0) {
            report.note(String.format(Locale.ROOT,
                    "%d gc line(s) were split across lines by other output or wrapping and were re-joined (first at line %d)",
                    rejoined, firstRejoinedLine));
        }
        if (restarts > 0) {
            report.note(String.format(Locale.ROOT,
                    "the gc number restarted %d time(s): the process restarted, so the file holds %d runs",
                    restarts, restarts + 1));
        }
        if (unknownFields > 0) {
            report.note(String.format(Locale.ROOT,
                    "%d gc line(s) had a field gcscope does not know ('%s'); it was ignored and the rest read (first at line %d)",
                    unknownFields, firstUnknownField, firstUnknownFieldLine));
        }
        if (wallClock.assumedYear()) {
            report.note("syslog/klog timestamps carry no year; assumed " + wallClock.referenceYear());
        }
    }
}
