package dev.gcscope.format;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gcscope.analysis.GcTraceAnalysis;
import dev.gcscope.parsers.ParseIssue;
import dev.gcscope.parsers.ParseReport;
import dev.gcscope.parsers.ParseResult;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The part of {@code summary} every format shares (format, lines, skipped lines, issues, notes, Go
 * versions), followed by what the format's {@link dev.gcscope.format.FormatSupport} adds. The JSON keys
 * are public contract. The report ({@code gcscope report}) reads its figures from the same object,
 * so they are the figures {@code summary --json} prints.
 */
public final class FileSummary {
    /** Issues the text report lists; {@code --json} lists every one the parse report kept. */
    static final int TEXT_ISSUES = 5;
    static final String GO_VERSIONS = "go_versions";

    private final FormatSupports formats;
    private final AnalysisOptions options;
    private final JsonNodeFactory nodes;

    public FileSummary(FormatSupports formats, AnalysisOptions options, JsonNodeFactory nodes) {
        this.formats = formats;
        this.options = options;
        this.nodes = nodes;
    }

    /** The user's analysis choices ({@code --regimes}). */
    public AnalysisOptions options() {
        return options;
    }

    public ObjectNode json(ParseResult result) {
        return json(result, null);
    }

    /**
     * @param gcTrace the gctrace analysis of {@code result} already made (a followed log's, updated
     *                from its new cycles), or null to analyse it here
     */
    public ObjectNode json(ParseResult result, GcTraceAnalysis gcTrace) {
        ParseReport report = result.report();
        ObjectNode file = nodes.objectNode();
        file.put("file", result.sourceName());
        file.put("format", result.format().id());
        file.put("lines", report.linesRead());
        file.put("skipped_lines", report.linesSkipped());
        file.put("issue_count", report.issueCount());
        ArrayNode issues = file.putArray("issues");
        for (ParseIssue issue : report.issues()) {
            issues.addObject().put("line", issue.line()).put("reason", issue.reason()).put("excerpt", issue.excerpt());
        }
        ObjectNode skipped = file.putObject("skipped_by_kind");
        report.skippedByKind().forEach(skipped::put);
        ArrayNode notes = file.putArray("notes");
        report.notes().forEach(notes::add);
        String goVersions = result.attributes().get(GO_VERSIONS);
        if (goVersions == null || goVersions.isEmpty()) file.putNull(GO_VERSIONS); else file.put(GO_VERSIONS, goVersions);
        if (gcTrace != null) GcTraceSupport.summaryJson(gcTrace, file);
        else formats.forFormat(result.format()).ifPresent(s -> s.addSummaryJson(result, options, file));
        return file;
    }

    public void text(ParseResult result, TextReport out) {
        text(result, out, null);
    }

    /** @param gcTrace as for {@link #json(ParseResult, GcTraceAnalysis)} */
    public void text(ParseResult result, TextReport out, GcTraceAnalysis gcTrace) {
        ParseReport report = result.report();
        String name = result.sourceName();
        out.heading(name);
        out.row("format", result.format().id() + "  (" + result.format().title() + ")");
        String goVersions = result.attributes().get(GO_VERSIONS);
        out.row("go versions", goVersions == null || goVersions.isEmpty() ? "unknown" : goVersions);
        out.row("lines", String.format(Locale.ROOT, "%d read, %d used, %d skipped",
                report.linesRead(), report.linesUsed(), report.linesSkipped()));
        for (Map.Entry<String, Long> kind : report.skippedByKind().entrySet()) {
            out.more(String.format(Locale.ROOT, "%d %s", kind.getValue(), kind.getKey()));
        }
        List<ParseIssue> issues = report.issues();
        out.row("issues", report.issueCount() == 0 ? "none" : Long.toString(report.issueCount()));
        for (int i = 0; i < Math.min(TEXT_ISSUES, issues.size()); i++) {
            out.more(issues.get(i).describe(name));
        }
        if (report.issueCount() > TEXT_ISSUES) {
            out.more(String.format(Locale.ROOT, "... %d more (summary --json lists the first %d)",
                    report.issueCount() - TEXT_ISSUES, Math.min(report.issueCount(), ParseReport.MAX_ISSUES)));
        }
        if (report.notes().isEmpty()) {
            out.row("notes", "none");
        } else {
            out.row("notes", report.notes().get(0));
            report.notes().stream().skip(1).forEach(out::more);
        }
        if (gcTrace != null) GcTraceSupport.summaryText(gcTrace, out);
        else formats.forFormat(result.format()).ifPresent(s -> s.addSummaryText(result, options, out));
    }
}
