package dev.gcscope.cli;

import dev.gcscope.format.AnalysisOptions;
import dev.gcscope.format.FileSummary;
import dev.gcscope.format.FormatSupport;
import dev.gcscope.format.TextReport;
import dev.gcscope.parsers.ParseOptions;
import dev.gcscope.parsers.ParseResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code summary [--json] FILE...} once its command line is read, by picocli ({@link SummaryCommand})
 * or without it ({@link #plain}). No picocli or Jackson type appears here (JSON goes through
 * {@link SummaryJsonArray}): the JVM loads the types a class's code is checked against when it
 * first uses the class, and the text summary is meant to load neither library.
 */
final class SummaryRun {
    private final CliContext context;

    SummaryRun(CliContext context) {
        this.context = context;
    }

    /**
     * {@code summary [--json] FILE...}, the common command line, run without picocli: building the
     * command's model reads its annotations by reflection (annotation proxies spun at run time,
     * which no Java 17 class-data archive keeps), ~50 ms of CPU, a sixth of a 1 MB summary in the
     * packaged app. Null when {@code args} hold anything else (another option, an option-like FILE,
     * {@code --json} twice, no FILE, a FILE that is no path): picocli then parses them, with its
     * usage errors and help. The golden and CLI tests run through both.
     */
    static Integer plain(CliContext context, PrintWriter out, String... args) throws IOException {
        if (args.length < 2 || !args[0].equals("summary")) return null;
        boolean json = false;
        List<Path> files = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--json")) {
                if (json) return null;
                json = true;
            } else if (a.startsWith("-") && !a.equals(TraceInputs.STDIN)) {
                return null;
            } else {
                try {
                    files.add(Path.of(a));
                } catch (InvalidPathException e) {
                    return null;
                }
            }
        }
        if (files.isEmpty()) return null;
        return new SummaryRun(context).summarise(out, json, null, new RegimeOption().options(), files);
    }

    int summarise(PrintWriter out, boolean json, String formatId, AnalysisOptions analysisOptions, List<Path> files)
            throws IOException {
        // the text needs no JSON node factory (FileSummary's JSON is SummaryJsonArray's)
        FileSummary summary = json ? null : new FileSummary(context.formats(), analysisOptions, null);
        SummaryJsonArray array = json ? new SummaryJsonArray(context.formats(), analysisOptions) : null;
        int status = ExitStatus.OK;
        boolean first = true;
        for (Path file : files) {
            if (context.outputClosed().getAsBoolean()) break; // | head has what it wanted
            // One bad file (unreadable, or too big for the heap) must not cost the others their summary,
            // nor --json its JSON: everything of the failed file is dropped before the error is reported.
            try {
                ParseResult result = context.inputs().load(file, formatId,
                        f -> context.formats().forFormat(f).map(FormatSupport::summaryOptions).orElse(ParseOptions.ALL));
                if (json) {
                    array.add(result);
                } else {
                    if (!first) out.println();
                    first = false;
                    summary.text(result, new TextReport(out));
                    out.flush();
                }
            } catch (Exception | OutOfMemoryError e) {
                status = Math.max(status, context.errors().report(e));
                if (json) array.addError(file, e);
            }
        }
        if (json) array.writeTo(out);
        out.flush();
        return status;
    }
}
