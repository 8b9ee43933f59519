package dev.gcscope.ui.report;

import dev.gcscope.parsers.ParseIssue;
import dev.gcscope.parsers.ParseReport;
import dev.gcscope.ui.summary.Formats;
import java.util.List;
import java.util.Map;

/**
 * What the parse report dialog shows: what happened to every line (used, or skipped and why), the
 * problems with line numbers, and whole-file notes. Immutable; made for one loaded trace.
 */
public final class ParseReportViewModel {
    private final String sourceName;
    private final ParseReport report;

    /** One kind of skipped line and how many there were. */
    public record SkippedKind(String kind, String count) {}

    /** One problem line, formatted for a table row. */
    public record IssueRow(String line, String reason, String excerpt) {}

    public ParseReportViewModel(String sourceName, ParseReport report) {
        this.sourceName = sourceName;
        this.report = report;
    }

    public String title() {
        return "Parse report — " + sourceName;
    }

    /** {@code 2,198 lines read: 2,193 used, 5 skipped; 0 issues}. */
    public String headline() {
        long issues = report.issueCount();
        return Formats.count(report.linesRead()) + " lines read: " + Formats.count(report.linesUsed()) + " used, "
                + Formats.count(report.linesSkipped()) + " skipped; " + Formats.count(issues)
                + (issues == 1 ? " issue" : " issues");
    }

    public List<SkippedKind> skippedKinds() {
        return report.skippedByKind().entrySet().stream()
                .map((Map.Entry<String, Long> e) -> new SkippedKind(e.getKey(), Formats.count(e.getValue())))
                .toList();
    }

    public List<IssueRow> issues() {
        return report.issues().stream()
                .map((ParseIssue i) -> new IssueRow(Long.toString(i.line()), i.reason(), i.excerpt()))
                .toList();
    }

    /** Empty, or "showing the first 200 of 1,234 issues" when the parser kept only some. */
    public String issuesNote() {
        long kept = report.issues().size();
        return kept < report.issueCount()
                ? "showing the first " + Formats.count(kept) + " of " + Formats.count(report.issueCount()) + " issues"
                : "";
    }

    public List<String> notes() {
        return report.notes();
    }

    /** The issues in compiler style ({@code file:line: reason: excerpt}), one per line, for copying. */
    public String issuesAsText() {
        StringBuilder b = new StringBuilder();
        for (ParseIssue i : report.issues()) b.append(i.describe(sourceName)).append('\n');
        return b.toString();
    }
}
