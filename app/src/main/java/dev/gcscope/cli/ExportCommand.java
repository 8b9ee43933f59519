package dev.gcscope.cli;

import dev.gcscope.parsers.ParseResult;
import dev.gcscope.parsers.TraceInputException;
import dev.gcscope.parsers.TraceSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tech.tablesaw.api.Table;

/**
 * {@code gcscope export --csv OUT [--format FMT] FILE}, and
 * {@code gcscope export --png OUT.png|--svg OUT.svg --chart ID [--width PX] [--scale N] FILE}.
 */
@Command(name = "export", sortOptions = false,
        description = {
            "Write the file's main table (for gctrace: one row per GC cycle) as CSV, or one of its charts as PNG or SVG.",
            "The header holds the table's column names in table order (units are in the names);"
                + " numbers are plain (0.018, 12189), missing values are empty, booleans true/false,"
                + " wall_time is ISO-8601 (2026-11-27T00:01:02.123).",
            "A chart is drawn as the window draws it (same layout, colours and reduction per pixel column), for the"
                + " whole trace, with no display: SVG keeps text as text and every series as vector shapes.",
            "OUT is written to a temporary file beside it (.OUT.gcscope-tmp-PID) and renamed at the end, so a"
                + " failed or interrupted export never leaves a partial file; OUT is never the input itself.",
            "OUT must be a regular file or a new name: a directory, FIFO or device is refused (- writes to"
                + " standard output); a symbolic link is written through (its file is replaced, the link stays).",
        })
final class ExportCommand implements Callable<Integer> {
    static final String STDOUT = "-";

    private final CliContext context;

    private CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Target target;

    @Mixin
    private ChartOptions chartOptions;

    @Mixin
    private FormatOption format;

    @Mixin
    private RegimeOption regimes;

    @Parameters(paramLabel = "FILE", arity = "1", description = "The trace file (plain text or gzip); - for standard input.")
    private Path file;

    /** What to write: exactly one of a table or a chart. */
    static final class Target {
        @Option(names = "--csv", paramLabel = "OUT", required = true,
                description = "The CSV file to write (replaced if it exists), or - for standard output.")
        String csv;

        @Option(names = "--png", paramLabel = "OUT", required = true,
                description = "Write the chart --chart names as a PNG image (replaced if it exists).")
        String png;

        @Option(names = "--svg", paramLabel = "OUT", required = true,
                description = "Write the chart --chart names as an SVG image (replaced if it exists).")
        String svg;

        String given() {
            return csv != null ? csv : png != null ? png : svg;
        }

        String option() {
            return csv != null ? "--csv" : png != null ? "--png" : "--svg";
        }
    }

    ExportCommand(CliContext context) {
        this.context = context;
    }

    /** The help lists the gctrace columns from their declarations, which an annotation cannot hold. */
    @Spec
    void spec(CommandSpec spec) {
        this.spec = spec;
        spec.usageMessage().footerHeading(CycleColumnsHelp.HEADING).footer(CycleColumnsHelp.lines());
    }

    @Override
    public Integer call() throws IOException {
        String formatId = format.validated(context.inputs().loader().parsers());
        boolean chart = target.csv == null;
        if (chart && chartOptions.problem() != null) throw new ParameterException(spec.commandLine(), chartOptions.problem());
        if (!chart && chartOptions.chart != null) throw new ParameterException(spec.commandLine(), "--chart goes with --png or --svg, not --csv");
        String csv = target.given();
        Path out = STDOUT.equals(csv) && !chart ? null : outputPath();
        ParseResult result;
        try {
            TraceSource source = context.inputs().open(file);
            if (out != null) checkTarget(out);
            result = context.inputs().parse(source, formatId);
        } catch (TraceInputException e) {
            return context.errors().report(e);
        }
        if (chart) return ChartFiles.write(context, result, chartOptions, out, target.svg != null, csv);
        Table table = exported(result);
        if (out == null) {
            PrintWriter stdout = spec.commandLine().getOut();
            CsvTableWriter.write(table, stdout);
        } else {
            try {
                AtomicFileWriter.write(out, w -> CsvTableWriter.write(table, w));
            } catch (AtomicFileWriter.UnsuitableTargetException e) {
                return context.errors().input(e.getMessage());
            } catch (AccessDeniedException e) {
                return context.errors().input(csv + ": cannot be written (permission denied in "
                        + AtomicFileWriter.parentOf(out) + ")");
            } catch (IOException e) {
                return context.errors().input(csv + ": " + TraceInputs.describe(e, "written"));
            }
        }
        long issues = result.report().issueCount();
        if (issues > 0) {
            // Not an error (the rows are written), but a user deserves to know rows may be missing.
            context.errors().note(String.format(Locale.ROOT, "%s: %d line(s) could not be used as they stood;"
                    + " 'gcscope summary %s' lists them", result.sourceName(), issues, result.sourceName()));
        }
        return ExitStatus.OK;
    }

    /** The main table, plus what analysis adds per row (for gctrace, each cycle's regime). */
    private Table exported(ParseResult result) {
        return context.formats().forFormat(result.format()).map(f -> f.exported(result, regimes.options()))
                .orElseGet(result::mainTable);
    }

    private Path outputPath() {
        try {
            return Path.of(target.given());
        } catch (InvalidPathException e) {
            throw new ParameterException(spec.commandLine(), "'" + target.given() + "' is not a valid path for " + target.option()
                    + ": " + e.getReason());
        }
    }

    /**
     * Refuses what {@link AtomicFileWriter} would (a directory, a FIFO, a device, a missing folder)
     * before the parse, and the input itself, even through a link.
     */
    private void checkTarget(Path out) throws TraceInputException {
        String csv = target.given();
        try {
            AtomicFileWriter.checkTarget(out);
        } catch (AtomicFileWriter.UnsuitableTargetException e) {
            boolean hint = target.csv != null && e.getMessage().contains("regular file");
            throw new TraceInputException(e.getMessage() + (hint ? " (--csv - writes to standard output)" : ""));
        }
        if (Files.exists(out) && !TraceInputs.isStdin(file)) {
            boolean same;
            try {
                same = Files.isSameFile(out, file);
            } catch (IOException e) {
                same = out.toAbsolutePath().normalize().equals(file.toAbsolutePath().normalize());
            }
            if (same) {
                throw new TraceInputException(csv + ": is the input file itself; gcscope never modifies an input,"
                        + " so choose another " + target.option() + " file");
            }
        }
    }
}
