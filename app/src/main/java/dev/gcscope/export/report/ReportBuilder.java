package dev.gcscope.export.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.gcscope.analysis.CycleRangeAnalysis;
import dev.gcscope.analysis.regime.RegimeAnalysis;
import dev.gcscope.analysis.stats.SloStreak;
import dev.gcscope.analysis.work.Work;
import dev.gcscope.export.report.ReportDocument.Block;
import dev.gcscope.export.report.ReportDocument.Fact;
import dev.gcscope.format.AnalysisOptions;
import dev.gcscope.format.FileSummary;
import dev.gcscope.format.FormatSupports;
import dev.gcscope.format.PlainNumbers;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.parsers.gctrace.GcColumns;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * Decides what a report says about its inputs. Every figure {@code summary --json} prints comes
 * from the same {@link FileSummary} object it prints, so the two cannot disagree; the analysis the
 * window shows beyond it (fits, convergence, MMU, a range's regime pauses) is rounded as
 * {@code summary} rounds. With a range, the figures are those of the range's cycles, as the window's
 * statistics of that selection: the cycles table cut to the range, with the whole file's regimes.
 */
public final class ReportBuilder {
    private final FormatSupports formats;
    private final AnalysisOptions options;
    private final ReportCharts charts;
    private final Work work;
    private final List<FormatReport> reports;
    private final Map<ReportInput, CycleRangeAnalysis> analyses = new IdentityHashMap<>();

    /** @param work where the analysis runs its parts, and whether the report is still wanted */
    public ReportBuilder(FormatSupports formats, AnalysisOptions options, ReportCharts charts, Work work) {
        this.formats = formats;
        this.options = options;
        this.charts = charts;
        this.work = work;
        this.reports = List.of(new GcTraceReport(this::analysis), new TimehistReport(), new LatencyReport(), new MetricsReport(), new CpuStatReport());
    }

    public ReportDocument build(List<ReportInput> inputs, ReportRequest request) {
        return build(inputs, request, null);
    }

    /**
     * @param comparison the inputs compared ({@code report --compare}): its section comes first, its
     *                   verdict leads the finding; null for a report of the inputs alone
     */
    public ReportDocument build(List<ReportInput> inputs, ReportRequest request, ReportComparison comparison) {
        if (inputs.isEmpty()) throw new IllegalArgumentException("a report needs at least one input");
        FileSummary summary = new FileSummary(formats, options, JsonNodeFactory.instance);
        List<Block> intro = new ArrayList<>();
        List<ReportDocument.Section> sections = new ArrayList<>();
        if (comparison != null) {
            intro.add(new ReportDocument.Paragraph(ComparisonSection.finding(comparison, inputs)));
            sections.add(ComparisonSection.section(comparison, inputs));
        }
        for (int i = 0; i < inputs.size(); i++) {
            ReportInput input = inputs.get(i);
            work.checkCancelled();
            JsonFigures whole = new JsonFigures(summary.json(input.result()));
            JsonFigures figures = input.span() == null ? whole : new JsonFigures(summary.json(cut(input)));
            work.checkCancelled();
            InputFigures in = new InputFigures(input, whole, figures, charts.charts(input.result(), input.span()), options);
            FormatReport report = reports.stream().filter(r -> r.covers(input.result().format())).findFirst().orElse(null);
            String anchor = "input-" + (i + 1);
            List<Cell.Run> finding = new ArrayList<>();
            if (inputs.size() > 1) finding.add(Cell.Run.text(fileName(input.name()) + ": "));
            if (report != null) finding.addAll(report.finding(in));
            else finding.add(Cell.Run.text("gcscope reads no figures of its own from " + input.result().format().title() + "."));
            intro.add(new ReportDocument.Paragraph(finding));
            List<Block> blocks = new ArrayList<>();
            blocks.add(new ReportDocument.Heading("Input", "input"));
            blocks.add(inputFacts(input, whole));
            if (report != null) blocks.addAll(report.blocks(in));
            blocks.addAll(parseIssues(input, whole));
            sections.add(new ReportDocument.Section(fileName(input.name()), anchor, blocks));
        }
        intro.add(new ReportDocument.Facts(List.of(Fact.of("made with", "gcscope " + request.version()),
                Fact.code("made by", request.madeBy()))));
        String title = comparison != null ? "gcscope report: " + String.join(" vs ", inputs.stream().map(in -> fileName(in.name())).toList())
                : inputs.size() == 1 ? "gcscope report: " + fileName(inputs.get(0).name())
                : String.format(Locale.ROOT, "gcscope report: %d files", inputs.size());
        return new ReportDocument(title, intro, sections, footer(inputs, request));
    }

    /** The statistics of the input's cycles (its range when it has one), with the whole file's regimes. */
    CycleRangeAnalysis analysis(ReportInput input) {
        return analyses.computeIfAbsent(input, in -> {
            Table cycles = in.result().table(GcColumns.CYCLES_TABLE);
            int[] regimeOfRow = RegimeAnalysis.of(cycles, options.regimes()).regimeOfRow();
            CycleSpan s = in.span();
            int from = s == null ? 0 : s.fromRow();
            int to = s == null ? cycles.rowCount() : s.toRow();
            return CycleRangeAnalysis.of(cycles, regimeOfRow, from, to, SloStreak.DEFAULT_THRESHOLD_MS, work);
        });
    }

    /** The parse with its cycles table cut to the range: what {@code summary} says of those cycles alone. */
    private static ParseResult cut(ReportInput input) {
        ParseResult r = input.result();
        CycleSpan s = input.span();
        Map<String, Table> tables = new LinkedHashMap<>(r.tables());
        tables.computeIfPresent(GcColumns.CYCLES_TABLE, (k, t) -> t.inRange(s.fromRow(), s.toRow()));
        return new ParseResult(r.format(), r.sourceName(), tables, r.report(), r.attributes());
    }

    // ---------------------------------------------------------------- what every input has

    private static ReportDocument.Facts inputFacts(ReportInput input, JsonFigures f) {
        List<Fact> facts = new ArrayList<>();
        facts.add(Fact.of("file", input.name()));
        facts.add(Fact.of("size", size(input.sizeBytes())));
        facts.add(new Fact("SHA-256", Cell.of(new Cell.Run(input.sha256(), "sha256", false)), true));
        facts.add(new Fact("format", Cell.of(f.run("/format"), Cell.Run.text(" — " + input.result().format().title()))));
        JsonNode go = f.at("/go_versions");
        facts.add(new Fact("Go versions", go.isNull() ? Cell.of(new Cell.Run("unknown", "/go_versions", true)) : f.cell("/go_versions")));
        facts.add(new Fact("lines", Cell.of(f.run("/lines"), Cell.Run.text(" read, "), f.run("/skipped_lines"),
                Cell.Run.text(" skipped"))));
        JsonNode kinds = f.at("/skipped_by_kind");
        if (kinds.size() > 0) {
            List<Cell.Run> runs = new ArrayList<>();
            Iterator<String> names = kinds.fieldNames();
            while (names.hasNext()) {
                String kind = names.next();
                if (!runs.isEmpty()) runs.add(Cell.Run.text("; "));
                runs.add(f.run("/skipped_by_kind/" + pointerEscape(kind)));
                runs.add(Cell.Run.text(" " + kind));
            }
            facts.add(new Fact("skipped lines", new Cell(runs)));
        }
        JsonNode notes = f.at("/notes");
        for (int i = 0; i < notes.size(); i++) facts.add(new Fact(i == 0 ? "notes" : "", f.cell("/notes/" + i)));
        CycleSpan s = input.span();
        if (s != null) {
            facts.add(Fact.of("time range", String.format(Locale.ROOT, "%s s – %s s on the timeline: cycles %,d to %,d of %,d",
                    PlainNumbers.plain(s.fromS()), PlainNumbers.plain(s.toS()), s.fromRow() + 1, s.toRow(), s.totalRows())));
        }
        return new ReportDocument.Facts(facts);
    }

    private static List<Block> parseIssues(ReportInput input, JsonFigures f) {
        List<Block> out = new ArrayList<>();
        out.add(new ReportDocument.Heading("Parse issues", "parse-issues"));
        JsonNode issues = f.at("/issues");
        long count = f.at("/issue_count").asLong();
        if (count == 0) {
            out.add(new ReportDocument.Note("None: every line gcscope recognised was read as it stood."));
            return out;
        }
        List<List<Cell>> rows = new ArrayList<>();
        for (int i = 0; i < issues.size(); i++) {
            String p = "/issues/" + i;
            rows.add(List.of(f.cell(p + "/line"), f.cell(p + "/reason"), f.cell(p + "/excerpt")));
        }
        out.add(Tables.of("parse-issues", "Lines gcscope could not use as they stood", List.of("line", "reason", "excerpt"), rows));
        out.add(new ReportDocument.Note(count > issues.size()
                ? String.format(Locale.ROOT, "%,d issues in all; the first %,d are listed.", count, issues.size())
                : String.format(Locale.ROOT, "%,d issue(s).", count)));
        return out;
    }

    private static List<Block> footer(List<ReportInput> inputs, ReportRequest request) {
        StringBuilder files = new StringBuilder();
        for (ReportInput in : inputs) files.append(' ').append(CommandLines.quote(in.argument()));
        boolean ranged = inputs.stream().anyMatch(i -> i.span() != null);
        List<Block> out = new ArrayList<>();
        out.add(ReportDocument.Paragraph.of(ranged
                ? "Every figure of the selected range is what gcscope's analysis gives for the cycles in that range (the"
                        + " window's statistics of that selection), rounded as gcscope summary --json rounds (12 significant"
                        + " digits); the input facts and parse issues are those of the whole file, as gcscope summary --json"
                        + files + " prints them."
                : "Every figure in this report that gcscope summary --json prints is exactly what it prints for the same"
                        + " file (the same analysis, the same rounding: 12 significant digits): gcscope summary --json" + files
                        + ". The fits, convergence and charts come from the same analysis the window shows."));
        out.add(new ReportDocument.Facts(List.of(Fact.code("reproduce", request.reproduce()),
                Fact.code("check", "gcscope summary --json" + files), Fact.of("made with", "gcscope " + request.version()))));
        return out;
    }

    /** The last part of a path as the user gave it: {@code gc.log} of {@code /var/log/gc.log}. */
    static String fileName(String name) {
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        return slash >= 0 && slash < name.length() - 1 ? name.substring(slash + 1) : name;
    }

    /** "1,138 bytes", "2.5 MB (2,498,112 bytes)". */
    static String size(long bytes) {
        if (bytes < 0) return "unknown";
        if (bytes < 10_000) return String.format(Locale.ROOT, "%,d bytes", bytes);
        double kb = bytes / 1000.0;
        String human = kb < 1000 ? String.format(Locale.ROOT, "%.1f kB", kb) : String.format(Locale.ROOT, "%.1f MB", kb / 1000);
        return String.format(Locale.ROOT, "%s (%,d bytes)", human, bytes);
    }

    /** RFC 6901: {@code ~} as {@code ~0}, {@code /} as {@code ~1}. */
    static String pointerEscape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
