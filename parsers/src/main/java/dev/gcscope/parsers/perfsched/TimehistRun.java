package dev.gcscope.parsers.perfsched;

import dev.gcscope.parsers.ParseReport;
import dev.gcscope.parsers.io.Excerpt;
import dev.gcscope.parsers.io.LineReader;
import dev.gcscope.parsers.io.PreviousLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The state of one {@code perf sched timehist} parse: event rows go to the {@link TimehistLine}
 * cursor and the {@link TimehistTableBuilder}, the header and summary to their readers, and every
 * line is counted once as used or skipped by kind. An event row at the start of a line is taken
 * before its end is searched for ({@link #lineAt}), which is most of the file.
 */
final class TimehistRun implements LineReader.Sink {
    static final String KIND_MALFORMED = "malformed row";
    static final String KIND_IDLE_CALLCHAIN = "idle callchain";
    static final String KIND_DUPLICATE = "duplicate event row";
    static final String KIND_DUPLICATE_SUMMARY = "duplicate summary line";

    private final ParseReport.Builder report;
    private final TimehistTableBuilder events;
    private final TimehistSummaryReader summary = new TimehistSummaryReader();
    private final TimehistLine row = new TimehistLine();
    private final PerfHeader perfHeader = new PerfHeader();

    // what the header and the rows show of the options perf was run with
    private boolean visual, prioColumn, preMigColumn, stateColumn, header;
    private int visualCpus;
    private boolean sawNext, sawAwakened, sawMigrated, sawChain, sawLost, sawPrio, sawState, sawPreMig;
    private long cutNames;
    private long firstCutLine;
    private long lostEvents;
    // the last row taken, to tell a row shipped twice: its fields, not its bytes, since rows are
    // most of the file and copying each would cost more than comparing a few numbers
    private long lastTimeNs = TimehistLine.NO_TIME;
    private int lastCpu, lastTid, lastTargetTid, lastNextTid, lastToCpu;
    private byte lastEvent;
    private long lastWaitUs, lastDelayUs, lastRunUs, lastLost;
    private final PreviousLine summaryLine = new PreviousLine();

    TimehistRun(ParseReport.Builder report, TimehistTableBuilder events) {
        this.report = report;
        this.events = events;
    }

    @Override
    public int lineAt(byte[] b, int s, int limit, long lineNo) {
        int end = row.parse(b, s, limit);
        if (end < 0 || end >= limit) return -1; // not a row here, or its end not read yet: line() decides
        accept(b, s, end, lineNo);
        return end;
    }

    @Override
    public void line(byte[] b, int s, int e, long lineNo) {
        int p = PasteText.textStart(b, s, e);
        int q = PasteText.trimEnd(b, p, e);
        // Decided here, used if the line reaches the summary: only a copy right after its line is one.
        boolean summaryCopy = summaryLine.is(b, p, q);
        summaryLine.forget();
        int end = row.parse(b, p, e);
        if (end >= 0) {
            accept(b, s, e, lineNo);
            return;
        }
        lastTimeNs = TimehistLine.NO_TIME;
        if (end == TimehistLine.MALFORMED) {
            report.skipped(KIND_MALFORMED, lineNo, b, s, e);
            report.issue(lineNo, "event row with a part that cannot be read (column " + (row.failAt - s + 1)
                    + "); skipped", Excerpt.of(b, s, e));
            return;
        }
        if (p >= q) {
            report.skipped(PasteText.KIND_BLANK, lineNo, b, s, e);
            return;
        }
        if (isHeader(b, p, q)) {
            readHeader(b, p, q);
            report.used();
            return;
        }
        if (PasteText.contains(b, p, q, "[tid/pid]") && PasteText.contains(b, p, q, "(msec)")) {
            report.used(); // the header's units line
            return;
        }
        if (PasteText.isRule(b, p, q)) {
            report.skipped(PasteText.KIND_RULE, lineNo, b, s, e);
            return;
        }
        if (perfHeader.line(b, p, q)) {
            report.used();
            return;
        }
        if (summaryCopy) {
            // Each task, CPU and total has one summary line: the same one twice is a log shipped twice.
            report.skipped(KIND_DUPLICATE_SUMMARY, lineNo, b, s, e);
            return;
        }
        switch (summary.line(b, p, q, lineNo)) {
            case USED -> {
                report.used();
                summaryLine.keep(b, p, q);
            }
            case SKIPPED_IDLE_CALLCHAIN -> report.skipped(KIND_IDLE_CALLCHAIN, lineNo, b, s, e);
            case MALFORMED -> {
                report.skipped(KIND_MALFORMED, lineNo, b, s, e);
                report.issue(lineNo, "summary line that cannot be read; skipped", Excerpt.of(b, s, e));
            }
            case IMPOSSIBLE -> {
                report.skipped(KIND_MALFORMED, lineNo, b, s, e);
                report.issue(lineNo, "summary line with a negative count, time or share, which cannot be; skipped",
                        Excerpt.of(b, s, e));
            }
            default -> report.skipped(PasteText.kindOf(b, s, e), lineNo, b, s, e);
        }
    }

    @Override
    public void overlongLine(byte[] head, long lineNo, long length) {
        report.skipped(PasteText.KIND_TOO_LONG, lineNo, head, 0, head.length);
        report.issue(lineNo, LineReader.overlongReason(length), Excerpt.of(head, 0, head.length));
    }

    @Override
    public void damagedInput(long lineNo, String reason) {
        report.damage(lineNo, reason);
    }

    private void accept(byte[] b, int s, int e, long lineNo) {
        summaryLine.forget();
        TimehistLine l = row;
        if (repeatsLast(l)) {
            report.skipped(KIND_DUPLICATE, lineNo, b, s, e);
            return;
        }
        remember(l);
        events.add(l, b, lineNo);
        report.used();
        if (l.taskCut || l.targetCut || l.nextCut) {
            if (cutNames++ == 0) firstCutLine = lineNo;
        }
        switch (l.event) {
            case TimehistLine.AWAKENED -> sawAwakened = true;
            case TimehistLine.MIGRATED -> sawMigrated = true;
            case TimehistLine.LOST -> {
                sawLost = true;
                lostEvents += l.lost;
            }
            default -> {
                if (l.nextStart >= 0) sawNext = true;
                if (l.chainStart >= 0) sawChain = true;
                if (l.prio != TimehistLine.NONE) sawPrio = true;
                if (l.state != 0) sawState = true;
                if (l.preMigUs != TimehistLine.NO_TIME) sawPreMig = true;
            }
        }
    }

    /**
     * Whether the row is the last one again, field for field. perf prints one row per event, and one
     * CPU's events at one time differ at least in their task or times, so the same row twice is a log
     * shipped twice (at-least-once shippers resend lines); counting it would count its delay twice.
     */
    private boolean repeatsLast(TimehistLine l) {
        return l.timeNs != TimehistLine.NO_TIME && l.timeNs == lastTimeNs && l.cpu == lastCpu && l.event == lastEvent
                && l.tid == lastTid && l.waitUs == lastWaitUs && l.delayUs == lastDelayUs && l.runUs == lastRunUs
                && l.targetTid == lastTargetTid && l.nextTid == lastNextTid && l.toCpu == lastToCpu && l.lost == lastLost;
    }

    private void remember(TimehistLine l) {
        lastTimeNs = l.timeNs;
        lastCpu = l.cpu;
        lastEvent = l.event;
        lastTid = l.tid;
        lastWaitUs = l.waitUs;
        lastDelayUs = l.delayUs;
        lastRunUs = l.runUs;
        lastTargetTid = l.targetTid;
        lastNextTid = l.nextTid;
        lastToCpu = l.toCpu;
        lastLost = l.lost;
    }

    /** {@code time cpu [0123] task name [prio] wait time sch delay run time [pre-mig time] [state]}. */
    static boolean isHeader(byte[] b, int p, int q) {
        return PasteText.startsWith(b, p, q, "time") && PasteText.contains(b, p, q, "task name")
                && PasteText.contains(b, p, q, "wait time") && PasteText.contains(b, p, q, "sch delay");
    }

    private void readHeader(byte[] b, int p, int q) {
        header = true;
        int cpu = PasteText.indexOf(b, p, q, "cpu");
        int task = PasteText.indexOf(b, p, q, "task name");
        int digits = 0;
        for (int i = cpu + 3; i < task; i++) {
            if (PasteText.isDigit(b[i]) || b[i] >= 'a' && b[i] <= 'f') digits++;
        }
        if (digits > 0) {
            visual = true;
            visualCpus = digits;
        }
        if (PasteText.contains(b, task, q, " prio")) prioColumn = true;
        if (PasteText.contains(b, task, q, "pre-mig")) preMigColumn = true;
        if (PasteText.contains(b, task, q, " state")) stateColumn = true;
    }

    TimehistSummaryReader summary() {
        return summary;
    }

    PerfHeader perfHeader() {
        return perfHeader;
    }

    /** The options the output shows perf was run with, e.g. {@code -V -n --state -w -M}. */
    String options() {
        List<String> o = new ArrayList<>();
        if (visual) o.add("-V");
        if (sawNext) o.add("-n");
        if (stateColumn || sawState) o.add("--state");
        if (prioColumn || sawPrio) o.add("--show-prio");
        if (preMigColumn || sawPreMig) o.add("-P");
        if (sawAwakened) o.add("-w");
        if (sawMigrated) o.add("-M");
        if (sawChain) o.add("-g");
        if (summary.sections().contains(TimehistColumns.SECTION_IDLE_TIME)) o.add("-I");
        if (summary.seen()) o.add(events.size() == 0 ? "-s" : "-S");
        return String.join(" ", o);
    }

    void addNotes() {
        if (!header && events.size() > 0) report.note("no timehist header: the columns were told apart by their content");
        if (visual) report.note("CPU visual column (-V), " + visualCpus + " columns wide");
        if (cutNames > 0) {
            report.note(String.format(Locale.ROOT, "%d row(s) hold a task name perf cut at %d characters; a tid/pid it cut short"
                    + " is missing (first at line %d)", cutNames, TimehistLine.TASK_MAX, firstCutLine));
        }
        if (sawLost) report.note(String.format(Locale.ROOT, "perf lost %d event(s) while recording (see the rows with event 'lost')", lostEvents));
        summary.notes().forEach(report::note);
        events.forEachInvalidName((name, line) -> report.issue(line,
                "task name is not valid UTF-8; kept with the invalid bytes as U+FFFD", Excerpt.of(name)));
    }
}
