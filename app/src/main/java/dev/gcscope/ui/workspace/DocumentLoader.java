package dev.gcscope.ui.workspace;

import dev.gcscope.analysis.CycleRangeAnalysis;
import dev.gcscope.analysis.work.Work;
import dev.gcscope.parsers.ParseListener;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.parsers.TraceInputException;
import dev.gcscope.parsers.TraceLoader;
import dev.gcscope.parsers.TraceSource;
import dev.gcscope.parsers.gctrace.GcColumns;
import dev.gcscope.parsers.gctrace.GcTraceParser;
import dev.gcscope.ui.gctrace.GcTraceData;
import dev.gcscope.ui.gctrace.GcTraceModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import tech.tablesaw.api.Table;

/**
 * Builds a {@link TraceDocument} on a loading thread: parse (format detected from the content), then
 * for a gctrace the laid-out and analysed {@link GcTraceData}, for anything else the summary
 * figures. A trace of at most {@link #EAGER_STATISTICS_MAX_CYCLES} cycles also gets its whole-trace
 * statistics here, so its first frame is complete; a larger one is shown as soon as its data exists
 * and its model computes the statistics in the background (the bootstrap intervals of a million
 * cycles take seconds, the first chart must not wait for them).
 */
public final class DocumentLoader {
    public static final int EAGER_STATISTICS_MAX_CYCLES = 200_000;

    private final TraceLoader loader;
    private final Executor parts;

    /** Analyses on the loading thread alone. */
    public DocumentLoader(TraceLoader loader) {
        this(loader, Runnable::run);
    }

    /** @param parts where the analysis runs its parts beside the loading thread: the runner's executor */
    public DocumentLoader(TraceLoader loader, Executor parts) {
        this.loader = loader;
        this.parts = parts;
    }

    /**
     * @param file the file behind {@code source}, or null
     * @param listener parse progress in bytes; returns false to stop
     * @param cancelled polled between the stages after the parse
     * @throws TraceInputException with a one-line message when the input cannot be read, is not a
     *                             format gcscope reads, or holds nothing gcscope can show
     */
    public TraceDocument load(TraceSource source, String displayName, String origin, Path file, ParseListener listener,
                              BooleanSupplier cancelled) throws IOException {
        long t0 = System.nanoTime();
        ParseResult result = loader.load(source, null, listener);
        long parsed = System.nanoTime();
        checkUsable(result, displayName);
        stopIf(cancelled);
        GcTraceData data = null;
        CycleRangeAnalysis whole = null;
        List<KeyFigure> figures = List.of();
        List<String> details = List.of();
        if (isGcTrace(result)) {
            Work work = Work.on(parts, cancelled);
            data = GcTraceData.of(result.table(GcColumns.CYCLES_TABLE), work);
            stopIf(cancelled);
            if (data.size() <= EAGER_STATISTICS_MAX_CYCLES) whole = GcTraceModel.wholeTrace(data, work);
        } else {
            figures = concat(KeyFigures.common(result), KeyFigures.ofFormat(result));
            details = KeyFigures.histogramLines(result);
        }
        long done = System.nanoTime();
        return new TraceDocument(displayName, origin, file, result, data, whole, figures, details, source.storedSize(),
                (parsed - t0) / 1_000_000, (done - t0) / 1_000_000);
    }

    public static boolean isGcTrace(ParseResult result) {
        return result.format().id().equals(GcTraceParser.FORMAT.id());
    }

    /** A parse that found nothing to show is an input error, said in one line with what to do. */
    private static void checkUsable(ParseResult result, String name) throws TraceInputException {
        if (isGcTrace(result)) {
            Table cycles = result.tables().get(GcColumns.CYCLES_TABLE);
            if (cycles == null || cycles.rowCount() == 0) {
                throw new TraceInputException(name + ": no gctrace lines (no \"gc N @…\" cycle) — run the program with GODEBUG=gctrace=1"
                        + " and keep its stderr: GODEBUG=gctrace=1 ./app 2> gc.log");
            }
            return;
        }
        boolean any = result.tables().values().stream().anyMatch(t -> t.rowCount() > 0);
        if (!any) {
            throw new TraceInputException(name + ": no " + result.format().title() + " data in it — "
                    + result.format().howToProduce());
        }
    }

    private static void stopIf(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) throw new CancellationException("cancelled");
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new java.util.ArrayList<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }
}
