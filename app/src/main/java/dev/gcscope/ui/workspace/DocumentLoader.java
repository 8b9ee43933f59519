package dev.gcscope.ui.workspace;

import dev.gcscope.analysis.CycleRangeAnalysis;
import dev.gcscope.analysis.LiveAnalysis;
import dev.gcscope.analysis.cycles.DerivedColumns;
import dev.gcscope.analysis.stats.SloStreak;
import dev.gcscope.analysis.work.Work;
import dev.gcscope.export.report.InputDigest;
import dev.gcscope.export.table.TextTable;
import dev.gcscope.format.FormatSupport;
import dev.gcscope.format.FormatSupports;
import dev.gcscope.parsers.ParseListener;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.parsers.TraceInputException;
import dev.gcscope.parsers.TraceLoader;
import dev.gcscope.parsers.TraceSource;
import dev.gcscope.ui.gctrace.GcTraceData;
import dev.gcscope.ui.gctrace.GcTraceModel;
import dev.gcscope.ui.view.FormatViews;
import dev.gcscope.ui.view.KeyFigure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import tech.tablesaw.api.Table;

/**
 * Builds a {@link TraceDocument} on a loading thread: parse (format detected from the content), then
 * what the format's entries say. A format that records GC cycles (gctrace) gets the laid-out and
 * analysed {@link GcTraceData}; any other its summary figures, from the desktop half of its support
 * ({@link FormatViews}). A trace of at most {@link #EAGER_STATISTICS_MAX_CYCLES} cycles also gets its
 * whole-trace statistics here, so its first frame is complete; a larger one is shown as soon as its
 * data exists and its model computes the statistics in the background (the regimes, convergence and
 * MMU of a million cycles take about a second, the first chart must not wait for them).
 */
public final class DocumentLoader {
    public static final int EAGER_STATISTICS_MAX_CYCLES = 200_000;

    private final TraceLoader loader;
    private final FormatSupports supports;
    private final FormatViewsRegistry views;
    private final Executor parts;

    /** With every format gcscope reads and every view it has; analyses on the loading thread alone. */
    public DocumentLoader(TraceLoader loader) {
        this(loader, Runnable::run);
    }

    /** @param parts where the analysis runs its parts beside the loading thread: the runner's executor */
    public DocumentLoader(TraceLoader loader, Executor parts) {
        this(loader, FormatSupports.standard(), FormatViewsRegistry.standard(), parts);
    }

    public DocumentLoader(TraceLoader loader, FormatSupports supports, FormatViewsRegistry views, Executor parts) {
        this.loader = loader;
        this.supports = supports;
        this.views = views;
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
        // A report of this document needs its SHA-256: a regular file is read again for it, anything
        // else (a pipe, a FIFO, bytes in memory) is digested now, in the one read it allows.
        InputDigest.Sink sink = file != null && Files.isRegularFile(file) ? null : InputDigest.sink();
        ParseResult result = DerivedColumns.addTo(loader.load(sink == null ? source : source.copyingTo(sink), null, listener));
        long parsed = System.nanoTime();
        return document(result, displayName, origin, file, source.storedSize(), t0, parsed, cancelled, false, null,
                SloStreak.DEFAULT_THRESHOLD_MS, sink == null ? null : sink.digest());
    }

    /**
     * The document of a parse already made: what {@link #load} builds after parsing, for a followed
     * log's parse so far too.
     *
     * @param result a parse with its derived columns ({@link DerivedColumns#addTo})
     * @param t0 when reading started, {@link System#nanoTime()}; {@code parsed} when the parse ended
     * @param allStatistics compute the whole-trace statistics here whatever the size (a followed
     *                      log's updates come with their statistics, never leave them to the views)
     */
    public TraceDocument document(ParseResult result, String displayName, String origin, Path file, long bytes, long t0,
                                  long parsed, BooleanSupplier cancelled, boolean allStatistics) throws TraceInputException {
        return document(result, displayName, origin, file, bytes, t0, parsed, cancelled, allStatistics, null,
                SloStreak.DEFAULT_THRESHOLD_MS, null);
    }

    /**
     * A followed log's document: as {@link #document}, its statistics updated by {@code live} from the
     * cycles appended since its last update instead of computed again.
     *
     * @param sloMs the SLO streak's threshold the user has set on the document's views
     */
    public TraceDocument followed(ParseResult result, LiveAnalysis live, double sloMs, String displayName, String origin, Path file,
                                  long bytes, long t0, long parsed) throws TraceInputException {
        return document(result, displayName, origin, file, bytes, t0, parsed, () -> false, true, live, sloMs, null);
    }

    private TraceDocument document(ParseResult result, String displayName, String origin, Path file, long bytes, long t0,
                                   long parsed, BooleanSupplier cancelled, boolean allStatistics, LiveAnalysis live, double sloMs,
                                   InputDigest digest) throws TraceInputException {
        Optional<FormatSupport> support = supports.forFormat(result.format());
        // A parse that found nothing to show is an input error, said in one line with what to do.
        Optional<String> nothing = support.map(s -> s.nothingToShow(result)).orElseGet(() -> FormatSupport.noRows(result));
        if (nothing.isPresent()) throw new TraceInputException(displayName + ": " + nothing.get());
        stopIf(cancelled);
        GcTraceData data = null;
        CycleRangeAnalysis whole = null;
        List<KeyFigure> figures = List.of();
        TextTable details = TextTable.EMPTY;
        FormatViews formatViews = null;
        Optional<Table> cycles = support.flatMap(s -> s.gcCycles(result));
        if (cycles.isPresent()) {
            Work work = Work.on(parts, cancelled);
            if (live != null) {
                LiveAnalysis.Update update = live.update(cycles.get(), sloMs, work);
                data = GcTraceData.of(cycles.get(), update.analysis());
                whole = update.whole();
            } else {
                data = GcTraceData.of(cycles.get(), work);
                stopIf(cancelled);
                if (allStatistics || data.size() <= EAGER_STATISTICS_MAX_CYCLES) whole = GcTraceModel.wholeTrace(data, work);
            }
        } else {
            formatViews = views.forFormat(result.format()).orElse(null);
            figures = KeyFigures.common(result);
            if (formatViews != null) {
                figures = concat(figures, formatViews.keyFigures(result));
                details = formatViews.details(result);
            }
        }
        long done = System.nanoTime();
        return new TraceDocument(displayName, origin, file, result, data, whole, figures, details, formatViews,
                bytes, (parsed - t0) / 1_000_000, (done - t0) / 1_000_000, digest);
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
