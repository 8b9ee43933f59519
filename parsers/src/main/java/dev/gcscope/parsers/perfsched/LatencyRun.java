package dev.gcscope.parsers.perfsched;

import dev.gcscope.parsers.ParseReport;
import dev.gcscope.parsers.io.Excerpt;
import dev.gcscope.parsers.io.LineReader;
import dev.gcscope.parsers.io.PreviousLine;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The state of one {@code perf sched latency} parse. Every line is counted once: task rows, the
 * header, {@code TOTAL:} and {@code INFO:} lines are used; rules, blanks, prompts, perf's banners,
 * elisions and other text are skipped by kind.
 *
 * <p>An e-mail client that wraps at ~78 columns breaks a row in two or three (always at a blank), so
 * a row is held until the next line shows whether it continues: a line that is not a row itself and
 * that, appended, gives the held row more of its fields is its continuation
 * ({@code   phases:(4) | 923.431 ms | 573 | avg: 0.905 ms | max: 33.290 ms | max start:} then
 * {@code  5658.004231 s | max end: 5658.037521 s}). When that is not clear, the row is kept with
 * what it has and reported. Quoted-printable soft breaks ({@code ma=} / {@code x: 555.543 ms}) are
 * undone first ({@link SoftBreaks}).
 */
final class LatencyRun implements LineReader.Sink {
    static final String KIND_MALFORMED = "malformed row";
    static final String KIND_DUPLICATE = "duplicate line";
    private static final int MAX_JOINED_LINES = 4;

    private final ParseReport.Builder report;
    private final LatencyTableBuilder table;
    private final LatencyLayout layout = new LatencyLayout();
    private final LatencyRow row = new LatencyRow();
    private final LatencyRow joined = new LatencyRow();
    private final SoftBreaks soft = new SoftBreaks();
    private final Set<String> layouts = new LinkedHashSet<>();

    // the held row: its text (re-joined lines separated by a blank), first line and number of lines
    private byte[] held = new byte[256];
    private int heldLength;
    private long heldLine;
    private int heldLines;
    private boolean lastWasHeader;
    private final PreviousLine previous = new PreviousLine();

    private long rejoinedRows;
    private long firstRejoinedLine;
    private long softJoined;
    private long totalRows;

    LatencyRun(ParseReport.Builder report, LatencyTableBuilder table) {
        this.report = report;
        this.table = table;
    }

    @Override
    public void line(byte[] b, int s, int e, long lineNo) {
        if (soft.active() || SoftBreaks.isPiece(b, s, e)) {
            if (soft.add(b, s, e, lineNo)) return;
            softJoined += soft.lines() - 1;
            process(soft.bytes(), 0, soft.length(), soft.firstLine(), soft.lines());
            soft.clear();
            return;
        }
        process(b, s, e, lineNo, 1);
    }

    @Override
    public void overlongLine(byte[] head, long lineNo, long length) {
        flushSoft();
        flushHeld();
        report.skipped(PasteText.KIND_TOO_LONG, lineNo, head, 0, head.length);
        report.issue(lineNo, LineReader.overlongReason(length), Excerpt.of(head, 0, head.length));
    }

    @Override
    public void damagedInput(long lineNo, String reason) {
        report.damage(lineNo, reason);
    }

    void finish() {
        flushSoft();
        flushHeld();
    }

    private void flushSoft() {
        if (!soft.active()) return;
        process(soft.bytes(), 0, soft.length(), soft.firstLine(), soft.lines());
        soft.clear();
    }

    /** One line of text ({@code lines} physical lines when quoted-printable pieces were joined). */
    private void process(byte[] b, int s, int e, long lineNo, int lines) {
        int p = PasteText.textStart(b, s, e);
        int q = PasteText.trimEnd(b, p, e);
        if (p < q && previous.is(b, p, q)) {
            // perf prints no line twice in a row (one row per task, one header, rules around it):
            // the same text again is a log shipped twice, whose copy would count a task twice.
            skipped(KIND_DUPLICATE, lines, lineNo, b, s, e);
            return;
        }
        // Only perf's own lines, right after each other: other text may well repeat itself.
        if (p < q) previous.keep(b, p, q); else previous.forget();
        boolean header = lastWasHeader;
        lastWasHeader = false;
        if (p >= q) {
            flushHeld();
            skipped(PasteText.KIND_BLANK, lines, lineNo, b, s, e);
            return;
        }
        if (LatencyLayout.isHeader(b, p, q)) {
            flushHeld();
            layout.startTable();
            layout.read(b, p, q);
            layouts.add(layout.describe());
            lastWasHeader = true;
            report.used(lines);
            return;
        }
        if (header && LatencyLayout.isHeaderContinuation(b, p, q)) {
            // a header an e-mail client wrapped: the rest of its column titles
            layouts.remove(layout.describe());
            layout.read(b, p, q);
            layouts.add(layout.describe());
            lastWasHeader = true;
            report.used(lines);
            return;
        }
        if (PasteText.isRule(b, p, q)) {
            flushHeld();
            lastWasHeader = header; // a rule under a header: a wrapped header may still follow
            skipped(PasteText.KIND_RULE, lines, lineNo, b, s, e);
            return;
        }
        if (PasteText.startsWith(b, p, q, "INFO:")) {
            //   INFO: 3000.000% context switch bugs (30 out of 1)
            flushHeld();
            report.note("perf sched latency: " + PasteText.ascii(b, p, q));
            report.used(lines);
            return;
        }
        if (heldLength > 0 && tryContinue(b, p, q, lines)) return;
        flushHeld();
        if (!row.parse(b, p, q)) {
            otherLine(b, s, e, p, q, lineNo, lines);
            return;
        }
        if (layout.known && layout.complete(row) && !row.openEnd && (row.endsWithBar || !layout.rowsEndWithBar()) && !isTotal(row)) {
            emit(row, lineNo, lines > 1, false);
            report.used(lines);
            if (row.badField >= 0) report.issue(lineNo, "unreadable field in row; kept the other fields", Excerpt.of(b, s, e));
        } else {
            hold(b, p, q, lineNo, lines);
        }
    }

    private void skipped(String kind, int lines) {
        for (int i = 0; i < lines; i++) report.skipped(kind);
    }

    /** {@code lines} physical lines skipped as one (quoted-printable pieces joined): the first is listed. */
    private void skipped(String kind, int lines, long lineNo, byte[] b, int s, int e) {
        report.skipped(kind, lineNo, b, s, e);
        skipped(kind, lines - 1);
    }

    private void otherLine(byte[] b, int s, int e, int p, int q, long lineNo, int lines) {
        previous.forget();
        String kind = PasteText.kindOf(b, s, e);
        if (kind.equals(PasteText.KIND_OTHER) && LatencyRow.hasKey(b, p, q)) {
            // avg:/max: fields without a row before them: the rest of a wrapped row whose start is missing
            skipped(KIND_MALFORMED, lines, lineNo, b, s, e);
            report.issue(lineNo, "looks like the rest of a wrapped row, but no row before it continues here", Excerpt.of(b, s, e));
            return;
        }
        skipped(kind, lines, lineNo, b, s, e);
    }

    private static boolean isTotal(LatencyRow r) {
        return r.taskEnd - r.taskStart == 6 && PasteText.startsWith(r.text, r.taskStart, r.taskEnd, "TOTAL:");
    }

    /**
     * The TOTAL row: runtime and count, then (out-of-tree sum variant) unkeyed maximum and sum under
     * their header titles, the average's field left blank:
     * <pre>
     *   TOTAL:                |   2039.151 ms |     1223 |
     *   TOTAL:                |1109784.680 ms |  3029507 |                 |       42.579 ms |    845307.017 ms |
     * </pre>
     */
    private void totalLine(LatencyRow r, long lineNo, int lines, String excerpt) {
        boolean unreadable = false;
        for (int i = r.runtimeField + (r.switches != Cursor.NONE ? 2 : 1); i < r.fields; i++) {
            if (r.isBlankField(i)) continue;
            long v = r.unkeyedMs(i);
            String title = layout.title(i);
            if (v != Cursor.NONE && (title.startsWith("Max") || title.startsWith("Maximum delay ms")) && r.maxNs == Cursor.NONE) {
                r.maxNs = v;
            } else if (v != Cursor.NONE && title.startsWith("Sum") && r.sumNs == Cursor.NONE) {
                r.sumNs = v;
            } else if (!(v == Cursor.NONE && r.isKeyedField(i))) {
                unreadable = true;
            }
        }
        // a negative total cannot be, as in a task row (found by the fuzzer: "TOTAL: | -6226.258 ms |")
        r.runtimeNs = refuseNegative(r.runtimeNs, "TOTAL runtime", lineNo);
        r.maxNs = refuseNegative(r.maxNs, "TOTAL maximum delay", lineNo);
        r.sumNs = refuseNegative(r.sumNs, "TOTAL delay sum", lineNo);
        table.addTotal(r, lineNo);
        totalRows++;
        report.used(lines);
        if (r.switches == Cursor.NONE || unreadable) {
            report.issue(lineNo, "TOTAL row without its count or with a field gcscope cannot place; kept runtime and count", excerpt);
        }
        layout.startTable();
    }

    private void hold(byte[] b, int p, int q, long lineNo, int lines) {
        heldLength = 0;
        append(b, p, q);
        heldLine = lineNo;
        heldLines = lines;
    }

    private void append(byte[] b, int p, int q) {
        int need = heldLength + (q - p) + 1;
        if (need > held.length) held = Arrays.copyOf(held, Math.max(need, held.length * 2));
        if (heldLength > 0) held[heldLength++] = ' ';
        System.arraycopy(b, p, held, heldLength, q - p);
        heldLength += q - p;
    }

    /**
     * Appends the line to the held row when that is unambiguous: the line is no complete row of its
     * own, and the result is a row without unreadable fields that has more of its fields than before
     * (or the same ones, now ended by their unit or bar).
     */
    private boolean tryContinue(byte[] b, int p, int q, int lines) {
        if (heldLines >= MAX_JOINED_LINES) return false;
        if (!isContinuationStart(b, p, q) && row.parse(b, p, q) && complete(row)) return false;
        LatencyRow r = joined;
        if (!r.parse(held, 0, heldLength)) return false;
        boolean total = isTotal(r);
        int before = total ? filledFields(r) : fieldsRead(r);
        boolean openBefore = r.openEnd;
        int savedLength = heldLength;
        append(b, p, q);
        boolean better;
        if (onlyBars(b, p, q)) {
            better = true; // the closing bar, alone on the last line
        } else if (total) {
            // a TOTAL row's unkeyed max and sum: more filled fields, and only numbers in them
            better = r.parse(held, 0, heldLength) && isTotal(r) && filledFields(r) > before && onlyNumbers(b, p, q);
        } else {
            better = r.parse(held, 0, heldLength) && r.badField < 0
                    && (fieldsRead(r) > before || fieldsRead(r) == before && openBefore && !r.openEnd);
        }
        if (!better) {
            heldLength = savedLength;
            return false;
        }
        heldLines += lines;
        if (layout.known && layout.complete(r) && !r.openEnd && (r.endsWithBar || !layout.rowsEndWithBar()) && !total) flushHeld();
        return true;
    }

    private boolean complete(LatencyRow r) {
        return layout.known ? layout.complete(r) : r.hasCore();
    }

    private static int filledFields(LatencyRow r) {
        int n = 0;
        for (int i = 0; i < r.fields; i++) {
            if (!r.isBlankField(i)) n++;
        }
        return n;
    }

    private static boolean onlyBars(byte[] b, int p, int q) {
        for (int i = p; i < q; i++) {
            if (b[i] != '|' && b[i] != ' ' && b[i] != '\t') return false;
        }
        return true;
    }

    /** Numbers, units, bars and blanks only ({@code 42.579 ms |    845307.017 ms |}). */
    private static boolean onlyNumbers(byte[] b, int p, int q) {
        for (int i = p; i < q; i++) {
            byte c = b[i];
            if (!(PasteText.isDigit(c) || c == '.' || c == '|' || c == ' ' || c == '\t' || c == 'm' || c == 's')) return false;
        }
        return true;
    }

    private static int fieldsRead(LatencyRow r) {
        return Integer.bitCount(r.keys) + (r.switches != Cursor.NONE ? 1 : 0);
    }

    /** A line starting with a bar, a key or a bare unit is never a row's start. */
    private static boolean isContinuationStart(byte[] b, int p, int q) {
        return b[p] == '|' || LatencyRow.hasKey(b, p, q) || PasteText.startsWith(b, p, q, "ms ")
                || PasteText.startsWith(b, p, q, "s ") || PasteText.startsWith(b, p, q, "ms|")
                || PasteText.startsWith(b, p, q, "s|") || q - p <= 2 && (b[p] == 's' || b[p] == 'm');
    }

    /** Emits the held row: complete, or kept with the fields it has and reported. */
    private void flushHeld() {
        if (heldLength == 0) return;
        LatencyRow r = joined;
        int lines = heldLines;
        long at = heldLine;
        String excerpt = Excerpt.of(held, 0, heldLength);
        boolean parsed = r.parse(held, 0, heldLength);
        heldLength = 0;
        heldLines = 0;
        if (!parsed) { // the held text parsed as a row when it was held; this would be a bug
            skipped(KIND_MALFORMED, lines);
            report.issue(at, "row could not be read again after re-joining", excerpt);
            return;
        }
        if (isTotal(r)) {
            totalLine(r, at, lines, excerpt);
            return;
        }
        boolean complete = complete(r);
        boolean rejoined = lines > 1;
        emit(r, at, rejoined, !complete);
        report.used(lines);
        if (rejoined) {
            rejoinedRows++;
            if (firstRejoinedLine == 0) firstRejoinedLine = at;
        }
        if (!complete) {
            report.issue(at, (rejoined ? "row wrapped over " + lines + " lines is still incomplete"
                    : "row ends early (cut off or wrapped)") + " and no continuation followed; kept the fields it has", excerpt);
        } else if (r.badField >= 0) {
            report.issue(at, "unreadable field in row; kept the other fields", excerpt);
        }
    }

    private void emit(LatencyRow r, long lineNo, boolean rejoined, boolean partial) {
        r.runtimeNs = refuseNegative(r.runtimeNs, "runtime", lineNo);
        r.avgNs = refuseNegative(r.avgNs, "average delay", lineNo);
        r.maxNs = refuseNegative(r.maxNs, "maximum delay", lineNo);
        r.sumNs = refuseNegative(r.sumNs, "delay sum", lineNo);
        if (!table.add(r, lineNo, rejoined, partial)) {
            report.issue(lineNo, "task name is not valid UTF-8; kept with the invalid bytes as U+FFFD",
                    Excerpt.of(r.text, r.taskStart, r.taskEnd));
        }
    }

    /**
     * A duration below zero is no figure perf prints (its times are unsigned): damaged text. It is
     * left empty, so no statistic is made from it, and reported on its line.
     */
    private long refuseNegative(long ns, String what, long lineNo) {
        if (ns == LatencyRow.NONE || ns >= 0) return ns;
        report.issue(lineNo, String.format(Locale.ROOT, "%s of %.3f ms is impossible (below zero); left empty", what, ns / 1e6), "");
        return LatencyRow.NONE;
    }

    /** Whole-file remarks for the report. */
    void addNotes() {
        if (!layouts.isEmpty()) report.note("perf sched latency layout: " + String.join("; ", layouts));
        if (rejoinedRows > 0) {
            report.note(String.format(Locale.ROOT,
                    "%d row(s) had been wrapped over several lines (an e-mail client?) and were re-joined (first at line %d)",
                    rejoinedRows, firstRejoinedLine));
        }
        if (softJoined > 0) {
            report.note(softJoined + " quoted-printable soft line break(s) (a line ending in '=') were undone");
        }
        if (totalRows > 1) report.note("the file holds " + totalRows + " latency tables (TOTAL rows)");
    }

    String layouts() {
        return String.join("; ", layouts);
    }
}
