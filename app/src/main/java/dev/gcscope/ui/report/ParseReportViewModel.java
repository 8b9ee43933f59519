package dev.gcscope.ui.report;

import dev.gcscope.parsers.ParseIssue;
import dev.gcscope.parsers.ParseReport;
import dev.gcscope.parsers.SkippedLine;
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

    /** One skipped line, formatted for a table row. */
    public record SkippedRow(String line, String kind, String excerpt) {}

    /** The filter's "every kind" choice. */
    public static final String ALL_KINDS = "All kinds";

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

    /** The filter's choices: {@link #ALL_KINDS}, then each kind skipped, in the order first seen. */
    public List<String> kindFilter() {
        List<String> out = new java.util.ArrayList<>();
        out.add(ALL_KINDS);
        out.addAll(report.skippedByKind().keySet());
        return out;
    }

    /** How many lines {@code kind} ({@link #ALL_KINDS} for all) counts, for the filter's labels. */
    public long skippedCount(String kind) {
        return ALL_KINDS.equals(kind) ? report.linesSkipped() : report.skippedByKind().getOrDefault(kind, 0L);
    }

    /** The skipped lines of {@code kind} ({@link #ALL_KINDS}: every kind) the parser listed, in line order. */
    public List<SkippedRow> skippedLines(String kind) {
        return listed(kind).stream().map(l -> new SkippedRow(Long.toString(l.line()), l.kind(), l.excerpt())).toList();
    }

    /**
     * Empty when every skipped line of {@code kind} is listed, else why not: "listing 200 of 12,345
     * skipped lines (the first 200 of each kind)".
     */
    public String skippedNote(String kind) {
        long listed = listed(kind).size(), all = skippedCount(kind);
        if (listed >= all) return "";
        return "listing " + Formats.count(listed) + " of " + Formats.count(all) + " skipped lines (the first "
                + Formats.count(ParseReport.MAX_SKIPPED_LINES_PER_KIND) + " of each kind; lines skipped as part of a "
                + "wrapped or repeated group are counted only)";
    }

    /** The listed skipped lines of {@code kind} as {@code file:line: kind: excerpt}, one per line, for copying. */
    public String skippedAsText(String kind) {
        StringBuilder b = new StringBuilder();
        for (SkippedLine l : listed(kind)) b.append(l.describe(sourceName)).append('\n');
        return b.toString();
    }

    /** The whole report as text, for saving: headline, counts by kind, every listed skipped line, issues, notes. */
    public String asText() {
        StringBuilder b = new StringBuilder(title()).append('\n').append(headline()).append("\n\nSkipped lines by kind\n");
        report.skippedByKind().forEach((k, n) -> b.append("  ").append(k).append(": ").append(Formats.count(n)).append('\n'));
        String note = skippedNote(ALL_KINDS);
        b.append("\nSkipped lines").append(note.isEmpty() ? "" : " (" + note + ")").append('\n').append(skippedAsText(ALL_KINDS));
        b.append("\nIssues").append(issuesNote().isEmpty() ? "" : " (" + issuesNote() + ")").append('\n').append(issuesAsText());
        if (!notes().isEmpty()) {
            b.append("\nNotes\n");
            for (String n : notes()) b.append("  ").append(n).append('\n');
        }
        return b.toString();
    }

    private List<SkippedLine> listed(String kind) {
        return ALL_KINDS.equals(kind) ? report.skippedLines()
                : report.skippedLines().stream().filter(l -> l.kind().equals(kind)).toList();
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
