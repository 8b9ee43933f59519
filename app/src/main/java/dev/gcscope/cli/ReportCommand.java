package dev.gcscope.cli;

import dev.gcscope.analysis.compare.ComparisonSide;
import dev.gcscope.analysis.work.Work;
import dev.gcscope.export.report.CommandLines;
import dev.gcscope.export.report.CycleSpan;
import dev.gcscope.export.report.HtmlReport;
import dev.gcscope.export.report.InputDigest;
import dev.gcscope.export.report.MarkdownReport;
import dev.gcscope.export.report.RenderedCharts;
import dev.gcscope.export.report.ReportBuilder;
import dev.gcscope.export.report.ReportCharts;
import dev.gcscope.export.report.ReportComparison;
import dev.gcscope.export.report.ReportDocument;
import dev.gcscope.export.report.ReportFiles;
import dev.gcscope.export.report.ReportFormat;
import dev.gcscope.export.report.ReportInput;
import dev.gcscope.export.report.ReportRequest;
import dev.gcscope.export.report.ReportTheme;
import dev.gcscope.export.report.TimelineSpan;
import dev.gcscope.format.PlainNumbers;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.parsers.TraceInputException;
import dev.gcscope.parsers.TraceSource;
import dev.gcscope.parsers.gctrace.GcColumns;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tech.tablesaw.api.Table;

/** {@code gcscope report [--format html|md] [--out PATH] [--from S --to S] [--theme light|dark] [--compare] FILE...} */
@Command(name = "report", sortOptions = false,
        description = {
            "Write a postmortem report of the files: what they are (name, size, SHA-256, format, Go"
                + " versions, lines read and skipped), a finding in plain words, the key figures with their"
                + " 95%% intervals, the regimes, the charts and the parse issues; one section per file.",
            "HTML (default) is one self-contained file: inline CSS and SVG charts, no script, nothing"
                + " loaded from anywhere; it prints on light paper and reads on a phone. md writes Markdown"
                + " with each chart as a PNG beside it (NAME-1-pause-timeline.png …), for wikis and issue trackers.",
            "Every figure that 'gcscope summary --json' prints is exactly what it prints for the same file.",
            "The report is written to a temporary file first and renamed at the end; it is never written over an input.",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  gcscope report gc.log                       writes gc-gcscope.html",
            "  gcscope report --format md --out wiki/gc.md gc.log",
            "  gcscope report --from 120 --to 180 gc.log   the cycles from 120 s to 180 s",
            "  gcscope report --compare go1.19.log go1.24.log   what changed, then each file",
        })
final class ReportCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    private CommandSpec spec;

    @Option(names = "--format", paramLabel = "html|md", converter = FormatConverter.class,
            description = "html (default): one self-contained HTML file; md: Markdown with PNG charts beside it.")
    private ReportFormat format = ReportFormat.HTML;

    @Option(names = "--out", paramLabel = "PATH",
            description = "The report file (replaced if it exists). Default: NAME-gcscope.html (or .md) in the current"
                    + " folder, NAME being the first file's name without its extension.")
    private String out;

    @Option(names = "--from", paramLabel = "S",
            description = "Start of the time range, in seconds on the timeline (as the window's selection): only the"
                    + " GC cycles from S on are analysed. Default: the start.")
    private Double from;

    @Option(names = "--to", paramLabel = "S", description = "End of the time range, in seconds. Default: the end.")
    private Double to;

    @Option(names = "--theme", paramLabel = "light|dark", converter = ThemeConverter.class,
            description = "Colours on screen: light (default) or dark. Printed, the report is always light.")
    private ReportTheme theme = ReportTheme.LIGHT;

    @Option(names = "--compare", description = "Compare the gctrace files (the first as A, the last as B; more make a"
            + " ladder): a comparison section comes first, with the verdict, every GC cost with B/A and its 95%% interval,"
            + " the regimes matched and the overlay charts, each figure as 'gcscope compare --json' prints it; then each"
            + " file's own section.")
    private boolean compare;

    @Mixin
    private RegimeOption regimes;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Trace files (plain text or gzip): one section each.")
    private List<Path> files;

    ReportCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        if (from != null && to != null && from > to) {
            throw new ParameterException(spec.commandLine(), "--from " + PlainNumbers.plain(from) + " is after --to "
                    + PlainNumbers.plain(to));
        }
        Path target = outputPath();
        List<ReportInput> inputs = new ArrayList<>();
        try {
            OutputFiles.check(target, targetName(target), files);
            for (Path file : files) inputs.add(read(file));
        } catch (TraceInputException e) {
            return context.errors().report(e);
        }
        ReportComparison comparison = null;
        if (compare) {
            if (files.size() < 2) throw new ParameterException(spec.commandLine(), "--compare needs two files or more");
            try {
                comparison = comparison(inputs);
            } catch (TraceInputException e) {
                return context.errors().report(e);
            }
        }
        String command = CommandLines.gcscope(arguments());
        ReportRequest request = new ReportRequest(VersionProvider.version(), command, command, theme);
        ReportDocument doc = new ReportBuilder(context.formats(), regimes.options(), charts(), Work.parallel())
                .build(inputs, request, comparison);
        ReportFiles report = format == ReportFormat.HTML
                ? new ReportFiles(HtmlReport.write(doc, theme, request.version()), java.util.Map.of())
                : MarkdownReport.write(doc, theme, format.stem(target));
        try {
            OutputFiles.writeReport(target, report, files);
        } catch (TraceInputException e) {
            return context.errors().report(e);
        } catch (AccessDeniedException e) {
            return context.errors().input(targetName(target) + ": cannot be written (permission denied in "
                    + OutputFiles.parentOf(target) + ")");
        } catch (IOException e) {
            return context.errors().input(targetName(target) + ": " + TraceInputs.describe(e, "written"));
        }
        spec.commandLine().getOut().println(targetName(target));
        for (ReportInput in : inputs) {
            long issues = in.result().report().issueCount();
            if (issues > 0) {
                context.errors().note(String.format(Locale.ROOT, "%s: %d line(s) could not be used as they stood;"
                        + " the report lists them", in.name(), issues));
            }
        }
        return ExitStatus.OK;
    }

    /**
     * The digest is taken from the bytes the parse reads, in the same pass: a pipe, a FIFO or
     * {@code -} can be read only once, and a log that grows between two reads would otherwise get
     * the SHA-256 of other bytes than those reported.
     */
    private ReportInput read(Path file) throws TraceInputException {
        TraceSource source = context.inputs().open(file);
        InputDigest.Sink sink = InputDigest.sink();
        ParseResult result = context.inputs().parse(source.copyingTo(sink), null);
        InputDigest digest = sink.digest();
        return new ReportInput(source.name(), file.toString(), digest.sizeBytes(), digest.sha256(), result, span(result));
    }

    /** The inputs compared, each side its --from/--to range when one is given, as {@code compare --json} compares them. */
    private ReportComparison comparison(List<ReportInput> inputs) throws TraceInputException {
        List<ComparisonSide> sides = new ArrayList<>();
        for (ReportInput in : inputs) {
            ParseResult r = in.result();
            Table cycles = context.formats().forFormat(r.format()).flatMap(f -> f.gcCycles(r))
                    .orElseThrow(() -> new TraceInputException(in.name() + ": is " + r.format().id()
                            + ", but report --compare compares gctrace files"));
            ComparisonSide side = ComparisonSide.whole(in.name(), cycles);
            sides.add(in.span() == null ? side : side.range(in.span().fromRow(), in.span().toRow()));
        }
        return ReportComparison.of(sides, Work.parallel());
    }

    /** The cycles in --from/--to, or null for the whole input: no range given, or not a gctrace (reported whole, and said so). */
    private CycleSpan span(ParseResult result) {
        if (from == null && to == null) return null;
        if (!result.tables().containsKey(GcColumns.CYCLES_TABLE)) {
            context.errors().note(result.sourceName() + ": --from/--to select GC cycles of a gctrace; this "
                    + result.format().title() + " is reported whole");
            return null;
        }
        return TimelineSpan.of(result.table(GcColumns.CYCLES_TABLE), from, to);
    }

    /** The charts of each input, drawn headless by the window's renderers. */
    private static ReportCharts charts() {
        return new RenderedCharts(Work.parallel());
    }

    private Path outputPath() {
        String name = out != null ? out : format.defaultFileName(files.get(0).toString());
        try {
            return Path.of(name);
        } catch (InvalidPathException e) {
            throw new ParameterException(spec.commandLine(), "'" + name + "' is not a valid path for --out: " + e.getReason());
        }
    }

    private static String targetName(Path target) {
        return target.toString();
    }

    /** The options as given, in a fixed order: the command line that makes this report again. */
    private List<String> arguments() {
        List<String> a = new ArrayList<>(List.of("report"));
        if (format != ReportFormat.HTML) a.addAll(List.of("--format", format.id()));
        if (theme != ReportTheme.LIGHT) a.addAll(List.of("--theme", theme.id()));
        if (compare) a.add("--compare");
        if (regimes.method() != dev.gcscope.analysis.regime.RegimeAnalysis.Method.KMEANS) {
            a.addAll(List.of("--regimes", regimes.method().name().toLowerCase(Locale.ROOT)));
        }
        if (from != null) a.addAll(List.of("--from", PlainNumbers.plain(from)));
        if (to != null) a.addAll(List.of("--to", PlainNumbers.plain(to)));
        if (out != null) a.addAll(List.of("--out", out));
        for (Path f : files) a.add(f.toString());
        return a;
    }

    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<ReportFormat> {
        @Override
        public ReportFormat convert(String value) {
            for (ReportFormat f : ReportFormat.values()) if (f.id().equalsIgnoreCase(value)) return f;
            throw new picocli.CommandLine.TypeConversionException("unknown report format '" + value + "' (html or md)");
        }
    }

    static final class ThemeConverter implements picocli.CommandLine.ITypeConverter<ReportTheme> {
        @Override
        public ReportTheme convert(String value) {
            for (ReportTheme t : ReportTheme.values()) if (t.id().equalsIgnoreCase(value)) return t;
            throw new picocli.CommandLine.TypeConversionException("unknown theme '" + value + "' (light or dark)");
        }
    }
}
