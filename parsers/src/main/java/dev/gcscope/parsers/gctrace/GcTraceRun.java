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
    /** GC CPU fields refused, and start times going backwards, by {@link #refuseImpossible}. */
    private long refused;
    private long backwards;
    /** Cycles whose heaps contradict each other, by {@link #flagImpossibleHeaps}. */
    private long impossibleHeaps;
    /** Cycles whose phases outlast the gap to the next start; the previous cycle's clock sum and line. */
    private long overlong;
    private long lastClockMicros = -1;
    private long lastLine;
    private boolean periodicNext;
    private boolean lastRowHadTrailingText;
    private long rejoined;
    private long firstRejoinedLine = -1;
    private long unknownFields;
    private String firstUnknownField;
    private long firstUnknownFieldLine;
    private long restarts;
    /** The number of the last line handed in, for a report of the parse so far. */
    private long linesSeen;

    GcTraceRun(ParseReport.Builder report, int expectedRows, int referenceYear, ParseOptions options) {
        this.report = report;
        this.cycles = new CycleTableBuilder(expectedRows, options);
        this.wallClock = new WallClockParser(referenceYear);
    }

    @Override
    public void line(byte[] b, int s, int e, long lineNo) {
        linesSeen = lineNo;
        if (joiner.repeatsLastPiece(b, s, e)) {
            // A held line's rest follows this copy: skip it, so that the rest joins what is held.
            report.skipped(KIND_DUPLICATE, lineNo, b, s, e);
            return;
        }
        joiner.forgetPiece();
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
    /** The GC's share of the CPU since the process started cannot exceed all of it. */
    static final int MAX_GC_CPU_PCT = 100;
    /** Two starts rounded to milliseconds: their difference is off by up to 1 ms. */
    static final long CLOCK_SLACK_MICROS = 1000;

    @Override
    public int lineAt(byte[] b, int s, int limit, long lineNo) {
        if (joiner.active() || limit - s < WHOLE_LINE_SURELY || b[s] != 'g' || b[s + 1] != 'c' || b[s + 2] != ' ') return -1;
        int end = FastGcLine.parseLine(b, s, limit, line);
        if (end < 0) return -1;
        linesSeen = lineNo;
        joiner.forgetPiece();
        if (emit(b, lineNo, WallClockParser.MISSING, consumePeriodic(), false)) report.used(); else report.skipped(KIND_DUPLICATE, lineNo, b, s, end);
        return end;
    }

    /** Where {@link ChunkedGcParse} puts a gc line another thread read through the fast path. */
    GcLine fastLine() {
        return line;
    }

    /**
     * Takes the gc line in {@link #fastLine()} as {@link #lineAt} takes the same line read here;
     * false when it has to come in as its bytes through {@link #line} instead: a held line is
     * waiting for its continuation, or the line repeats the previous cycle (reported with its text).
     */
    boolean takeFastLine(long lineNo) {
        if (joiner.active() || line.gc == lastGc && line.startMillis == lastStartMillis && cycles.size() > 0) return false;
        linesSeen = lineNo;
        joiner.forgetPiece();
        emit(null, lineNo, WallClockParser.MISSING, consumePeriodic(), false);
        report.used();
        return true;
    }

    /**
     * A line over the limit that starts with a gc line (the runtime's line with a long run of other
     * output glued to it, no line end between) keeps its cycle; any other is skipped. Both are
     * reported.
     */
    @Override
    public void overlongLine(byte[] head, long lineNo, long length) {
        linesSeen = lineNo;
        joiner.forgetPiece();
        if (joiner.active()) flushHeld(false);
        int anchor = findAnchor(head, 0, head.length);
        if (anchor >= 0 && parser.parse(head, anchor, head.length, false, line) == GcLineParser.COMPLETE && !line.damagedField) {
            long wall = anchor > 0 ? wallClock.parse(head, 0, anchor) : WallClockParser.MISSING;
            if (emit(head, lineNo, wall, consumePeriodic(), false)) {
                report.used();
                report.issue(lineNo, String.format(Locale.ROOT, "line is %,d bytes long, over the %,d-byte limit for one line;"
                        + " kept the gc line it starts with, skipped the rest", length, LineReader.MAX_LINE_BYTES),
                        Excerpt.of(head, 0, head.length));
            } else {
                report.skipped(KIND_DUPLICATE, lineNo, head, 0, head.length);
            }
            return;
        }
        report.skipped(KIND_TOO_LONG, lineNo, head, 0, head.length);
        report.issue(lineNo, LineReader.overlongReason(length), Excerpt.of(head, 0, head.length));
    }

    @Override
    public void damagedInput(long lineNo, String reason) {
        report.damage(lineNo, reason);
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
        boolean newRun = l.gc <= lastGc;
        boolean follows = !newRun && l.gc == lastGc + 1;
        if (newRun) {
            run++;
            if (run > 1) restarts++;
        }
        lastGc = l.gc;
        refuseImpossible(l, lineNo, newRun, follows);
        flagImpossibleHeaps(l, lineNo);
        lastStartMillis = l.startMillis;
        lastClockMicros = l.legacy ? -1 : clockMicros(l);
        lastLine = lineNo;
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
     * Empties a GC CPU share over 100 %, which no running program can print, so that no figure is
     * made from it, and flags a start time before the previous cycle's in the same run (the runtime
     * prints time since its process started, from a monotonic clock): that one is kept, since two
     * processes' lines interleaved in one log do it too, and the derived columns give it no
     * interval. Each is reported on its line and counted. Neither occurs in the 12,437 cycles of
     * the bundled recordings; damaged bytes make them (a gzip CRC error gave a GC CPU of 4,580 %,
     * issue 14).
     */
    private void refuseImpossible(GcLine l, long lineNo, boolean newRun, boolean follows) {
        if (l.cpuPct != GcLine.NONE && l.cpuPct > MAX_GC_CPU_PCT) {
            refused++;
            report.issue(lineNo, String.format(Locale.ROOT, "GC CPU of %d%% is impossible (over %d%%); left empty", l.cpuPct,
                    MAX_GC_CPU_PCT), "");
            l.cpuPct = GcLine.NONE;
        }
        if (!newRun && l.startMillis != GcLine.NO_TIME && lastStartMillis != GcLine.NO_TIME && l.startMillis < lastStartMillis) {
            backwards++;
            report.issue(lineNo, String.format(Locale.ROOT, "start time @%.3fs is before the previous cycle's @%.3fs in the same run"
                    + " (time cannot go backwards in one process: damaged, or two processes' lines interleaved); kept, with no interval",
                    l.startMillis / 1000.0, lastStartMillis / 1000.0), "");
        } else if (follows && l.startMillis != GcLine.NO_TIME && lastStartMillis != GcLine.NO_TIME && lastClockMicros >= 0) {
            // A cycle ends before the next one starts: its clock phases cannot outlast the gap, beyond
            // the rounding of @ to milliseconds and of each phase to 2-3 digits (the bundled
            // recordings exceed it by 0.711 ms at most).
            long gapMicros = (l.startMillis - lastStartMillis) * 1000;
            if (lastClockMicros > gapMicros + CLOCK_SLACK_MICROS + lastClockMicros / 20) {
                overlong++;
                report.issue(lastLine, String.format(Locale.ROOT, "the cycle's phases last %.3f ms, longer than the %.3f ms until"
                        + " gc %d started (line %d): one of these figures is damaged", lastClockMicros / 1000.0, gapMicros / 1000.0,
                        l.gc, lineNo), "");
            }
        }
    }

    /**
     * Flags a cycle whose heaps cannot all be true: from Go 1.5 on ({@code 4->5->2 MB}: at start, at
     * mark end, marked live) nothing is freed while marking (sweeping comes after), so the heap at
     * mark end is never below the heap at start, and what was marked live is part of it. Go rounds
     * each down to whole MB from bytes, which keeps both orders. The figures are kept as printed
     * (one of them is damaged, and which is unknown), the line reported and the cycles counted.
     * Neither occurs in the 16,924 cycles of the bundled samples. Before Go 1.5 ({@code 4 -> 2 MB})
     * the heap after a stop-the-world collection is the swept one, below the heap before it.
     */
    private void flagImpossibleHeaps(GcLine l, long lineNo) {
        if (l.heapLiveMb == GcLine.NONE || l.heapStartMb == GcLine.NONE || l.heapEndMb == GcLine.NONE) return;
        String why = null;
        if (l.heapEndMb < l.heapStartMb) {
            why = String.format(Locale.ROOT, "heap at mark end %d MB is below the heap at its start %d MB (%d->%d->%d MB)",
                    l.heapEndMb, l.heapStartMb, l.heapStartMb, l.heapEndMb, l.heapLiveMb);
        } else if (l.heapLiveMb > l.heapEndMb) {
            why = String.format(Locale.ROOT, "live heap %d MB is above the heap at mark end %d MB (%d->%d->%d MB)",
                    l.heapLiveMb, l.heapEndMb, l.heapStartMb, l.heapEndMb, l.heapLiveMb);
        }
        if (why == null) return;
        impossibleHeaps++;
        report.issue(lineNo, why + ": nothing is freed while marking, so one of these is damaged; kept as printed", "");
    }

    private static long clockMicros(GcLine l) {
        long sum = 0;
        for (int i = 0; i < l.clockCount; i++) sum += l.clockMicros[i];
        return sum;
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
        for (String n : notes()) report.note(n);
    }

    /** The lines handed in so far. */
    long linesSeen() {
        return linesSeen;
    }

    /** The whole-file remarks as they stand now (a followed input's parse so far gets them too). */
    java.util.List<String> notes() {
        java.util.List<String> notes = new java.util.ArrayList<>();
        if (rejoined > 0) {
            notes.add(String.format(Locale.ROOT,
                    "%d gc line(s) were split across lines by other output or wrapping and were re-joined (first at line %d)",
                    rejoined, firstRejoinedLine));
        }
        if (refused > 0) {
            notes.add(String.format(Locale.ROOT, "%d impossible figure(s) refused (left empty), each reported on its line", refused));
        }
        if (overlong > 0) {
            notes.add(String.format(Locale.ROOT, "%d cycle(s) last longer than the time until the next one started,"
                    + " each reported on its line", overlong));
        }
        if (impossibleHeaps > 0) {
            notes.add(String.format(Locale.ROOT, "%d cycle(s) with heaps that contradict each other (heap falling during"
                    + " marking, or more live than the heap), each reported on its line", impossibleHeaps));
        }
        if (backwards > 0) {
            notes.add(String.format(Locale.ROOT, "%d cycle(s) start before the cycle printed before them, each reported on its line",
                    backwards));
        }
        if (restarts > 0) {
            notes.add(String.format(Locale.ROOT,
                    "the gc number restarted %d time(s): the process restarted, so the file holds %d runs",
                    restarts, restarts + 1));
        }
        if (unknownFields > 0) {
            notes.add(String.format(Locale.ROOT,
                    "%d gc line(s) had a field gcscope does not know ('%s'); it was ignored and the rest read (first at line %d)",
                    unknownFields, firstUnknownField, firstUnknownFieldLine));
        }
        if (wallClock.assumedYear()) {
            notes.add("syslog/klog timestamps carry no year; assumed " + wallClock.referenceYear());
        }
        return notes;
    }
}
