package dev.gcscope.ui.export;

import dev.gcscope.analysis.compare.ComparisonSide;
import dev.gcscope.analysis.work.Work;
import dev.gcscope.cli.VersionProvider;
import dev.gcscope.export.report.CommandLines;
import dev.gcscope.export.report.CycleSpan;
import dev.gcscope.export.report.HtmlReport;
import dev.gcscope.export.report.InputDigest;
import dev.gcscope.export.report.MarkdownReport;
import dev.gcscope.export.report.ReportBuilder;
import dev.gcscope.export.report.ReportCharts;
import dev.gcscope.export.report.ReportComparison;
import dev.gcscope.export.report.ReportDocument;
import dev.gcscope.export.report.ReportFiles;
import dev.gcscope.export.report.ReportFormat;
import dev.gcscope.export.report.ReportInput;
import dev.gcscope.export.report.ReportRequest;
import dev.gcscope.export.report.ReportTheme;
import dev.gcscope.format.AnalysisOptions;
import dev.gcscope.format.FormatSupports;
import dev.gcscope.format.PlainNumbers;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.parsers.TraceInputException;
import dev.gcscope.parsers.TraceSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * File ▸ Export report…: the report of one open document (and its selected time range), as
 * {@code gcscope report} writes it for the same file and range, made off the UI thread. The input's
 * bytes are read again for their SHA-256; a file whose size changed since it was opened is refused,
 * since the report would vouch for bytes it did not analyse.
 */
public final class ReportExport {
    /**
     * The document to report on.
     *
     * @param name its name in the window (the file name)
     * @param file the file it was read from, or null (a bundled sample, text pasted)
     * @param sample whether it is a bundled sample
     * @param loadedBytes its size when it was read
     * @param result its parse
     * @param span its selected cycles, or null for all
     * @param digest its size and SHA-256, taken as it was read; null for a file, which is read again for them
     */
    public record Source(String name, Path file, boolean sample, long loadedBytes, ParseResult result, CycleSpan span,
                         InputDigest digest) {}

    private final FileExports exports;
    private final ReportCharts charts;

    public ReportExport(FileExports exports, ReportCharts charts) {
        this.exports = exports;
        this.charts = charts;
    }

    public void export(Source source, Path target, ReportFormat format, ReportTheme theme) {
        exports.saveReport(target, "the report of " + source.name(), ctx -> {
            ReportInput input = input(source);
            ReportRequest request = request(source, format, theme);
            ReportDocument doc = new ReportBuilder(FormatSupports.standard(), AnalysisOptions.DEFAULT, charts,
                    Work.on(exports.runner().executor(), ctx::isCancelled)).build(List.of(input), request);
            return format == ReportFormat.HTML
                    ? new ReportFiles(HtmlReport.write(doc, theme, request.version()), Map.of())
                    : MarkdownReport.write(doc, theme, format.stem(target));
        });
    }

    /**
     * The comparison's report ({@code report --compare}): the comparison section, then each side's
     * own, every side's bytes read again for their SHA-256 as for one document.
     *
     * @param sources the sides in the comparison's order (the first is A)
     * @param sides what is compared of each, labelled with the name {@code compare --json} gives it
     * @param chartLabels each side's name in the charts' legends (the labels the comparison shows)
     */
    public void exportComparison(List<Source> sources, List<ComparisonSide> sides, List<String> chartLabels, Path target,
                                 ReportFormat format, ReportTheme theme) {
        String names = String.join(" vs ", sources.stream().map(Source::name).toList());
        exports.saveReport(target, "the comparison report of " + names, ctx -> {
            List<ReportInput> inputs = new ArrayList<>();
            for (Source source : sources) inputs.add(input(source));
            Work work = Work.on(exports.runner().executor(), ctx::isCancelled);
            ReportComparison comparison = ReportComparison.of(sides, chartLabels, work);
            List<String> args = new ArrayList<>(List.of("report", "--compare"));
            if (format != ReportFormat.HTML) args.addAll(List.of("--format", format.id()));
            if (theme != ReportTheme.LIGHT) args.addAll(List.of("--theme", theme.id()));
            StringBuilder ranges = new StringBuilder();
            for (Source s : sources) {
                args.add(commandArgument(s));
                CycleSpan span = s.span();
                if (span != null) {
                    ranges.append(String.format(Locale.ROOT, "; %s: cycles %,d to %,d (%s s – %s s on its timeline)", s.name(),
                            span.fromRow() + 1, span.toRow(), PlainNumbers.plain(span.fromS()), PlainNumbers.plain(span.toS())));
                }
            }
            // a range per side is the window's: --from/--to give every file the same range
            String reproduce = CommandLines.gcscope(args) + (ranges.length() == 0 ? "" : "  (the whole files: the window compared"
                    + " a range of a side alone" + ranges + ")");
            ReportRequest request = new ReportRequest(VersionProvider.version(), "gcscope window: Export report… of the comparison "
                    + names + ranges, reproduce, theme);
            ReportDocument doc = new ReportBuilder(FormatSupports.standard(), AnalysisOptions.DEFAULT, charts, work)
                    .build(inputs, request, comparison);
            return format == ReportFormat.HTML
                    ? new ReportFiles(HtmlReport.write(doc, theme, request.version()), Map.of())
                    : MarkdownReport.write(doc, theme, format.stem(target));
        });
    }

    /**
     * The digest taken when the source was read, or its file read again for one (refused when the
     * file changed since it was read). Every document not read from a file has a digest of its own.
     */
    private static ReportInput input(Source source) throws Exception {
        String name = source.file() == null ? source.name() : source.file().toString();
        if (source.digest() != null) {
            return new ReportInput(name, commandArgument(source), source.digest().sizeBytes(), source.digest().sha256(), source.result(), source.span());
        }
        if (source.file() != null && Files.exists(source.file()) && !Files.isRegularFile(source.file())) {
            // a followed pipe or FIFO: a second open would wait for a writer that has gone
            throw new TraceInputException(name + ": was read from a pipe, which cannot be read again for the report's"
                    + " SHA-256; save it to a file and open that");
        }
        if (source.file() == null) throw new TraceInputException(name + ": its bytes are no longer at hand; save it and open the file");
        TraceSource bytes = TraceSource.of(source.file());
        InputDigest digest = InputDigest.of(bytes);
        if (source.loadedBytes() >= 0 && digest.sizeBytes() != source.loadedBytes()) {
            throw new TraceInputException(String.format(Locale.ROOT, "%s: changed since it was opened (%,d bytes then,"
                    + " %,d now); open it again to report what it holds now", bytes.name(), source.loadedBytes(), digest.sizeBytes()));
        }
        return new ReportInput(name, commandArgument(source), digest.sizeBytes(), digest.sha256(), source.result(), source.span());
    }

    /** What the report's command reads for {@code source}: its file, a sample by name, else standard input. */
    private static String commandArgument(Source source) {
        if (source.file() != null) return source.file().toString();
        return source.sample() ? source.name() : "-"; // standard input
    }

    private static String howOpened(Source source) {
        if (source.file() != null) return "";
        return source.sample() ? " (a bundled sample: File ▸ Open sample)"
                : " (not read from a file: the command reads the same bytes on standard input)";
    }

    /** What the report says made it, and the command line that makes the same report. */
    static ReportRequest request(Source source, ReportFormat format, ReportTheme theme) {
        List<String> args = new ArrayList<>(List.of("report"));
        if (format != ReportFormat.HTML) args.addAll(List.of("--format", format.id()));
        if (theme != ReportTheme.LIGHT) args.addAll(List.of("--theme", theme.id()));
        CycleSpan span = source.span();
        if (span != null) args.addAll(List.of("--from", PlainNumbers.plain(span.fromS()), "--to", PlainNumbers.plain(span.toS())));
        args.add(commandArgument(source));
        String made = "gcscope window: File ▸ Export report… on " + source.name() + howOpened(source)
                + (span == null ? "" : ", time range " + PlainNumbers.plain(span.fromS()) + " s – " + PlainNumbers.plain(span.toS()) + " s");
        return new ReportRequest(VersionProvider.version(), made, CommandLines.gcscope(args), theme);
    }
}
