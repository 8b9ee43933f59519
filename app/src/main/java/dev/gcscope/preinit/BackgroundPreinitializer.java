package dev.gcscope.preinit;

import dev.gcscope.analysis.cycles.DerivedColumns;
import dev.gcscope.analysis.CycleRangeAnalysis;
import dev.gcscope.analysis.GcTraceAnalysis;
import dev.gcscope.analysis.regime.RegimeAnalysis;
import dev.gcscope.analysis.stats.SloStreak;
import dev.gcscope.analysis.work.DaemonThreads;
import dev.gcscope.analysis.work.Work;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import dev.gcscope.parsers.ParseListener;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.parsers.TraceLoader;
import dev.gcscope.parsers.TraceSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Runs a tiny made-up gctrace through the parser and the analysis on a background thread while the
 * main thread sets up the command line or the JavaFX toolkit, so the 700-odd classes a summary needs (Tablesaw,
 * fastutil, commons-math, the parsers) are loaded and initialised on the second core instead of
 * one after another on the first. Spring Boot's {@code BackgroundPreinitializer} does the same for
 * the same reason. It prints nothing and touches no file; if anything fails, the real work simply
 * loads what it needs itself.
 *
 * <p>The desktop app starts it beside the JavaFX toolkit's start; the CLI only when asked
 * ({@code -Dgcscope.cli.preinit=true}): there the main thread needs the same classes at once, so it
 * mostly waits for this one, and the made-up parse is CPU taken from the real one. Used by both, it
 * has a package of its own below them: in the launcher's package it tied the launcher, the CLI and
 * the UI into one cycle.
 */
public final class BackgroundPreinitializer {
    /** Two alternating made-up regimes, enough cycles for the clustering to run as on a real trace. */
    private static final int CYCLES = 64;

    private BackgroundPreinitializer() {}

    /** For the CLI ({@code -Dgcscope.cli.preinit=true}): the parser and the summary's analysis. */
    public static void start() {
        start(false);
    }

    /** @param views also what the desktop views compute for a range of cycles (convergence, fits, MMU) */
    public static void start(boolean views) {
        initColumnTypes();
        // A thread of its own, not the app's runner: it starts before the toolkit and the runner
        // exist (and the CLI has no runner at all), and it must not hold a worker a load could use.
        new DaemonThreads("gcscope-preinit-").newThread(() -> run(views)).start();
    }

    /**
     * Call before a second thread parses beside the first. Tablesaw's ColumnType creates every column
     * type in its static initialiser, and each column type's initialisation needs ColumnType's (an
     * interface with default methods): a thread that enters the cycle at ColumnType (the CLI's perf
     * latency parse) and another entering at IntColumn wait for each other for ever (seen twice in
     * 128 summaries on a loaded machine). Initialised on the calling thread first, nobody can meet it
     * half-done.
     */
    public static void initColumnTypes() {
        try {
            Class.forName(ColumnType.class.getName(), true, ColumnType.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    // The desktop app once parsed 30 000 cycles here to get the parser compiled before a big file
    // came: on two cores that second of CPU delayed the window and the first chart by a third
    // (measured with installer/benchmark.sh's marks), so both faces now only load the classes.
    private static void run(boolean views) {
        try {
            TraceSource trace = TraceSource.of("preinit", syntheticTrace(CYCLES));
            ParseResult r = DerivedColumns.addTo(TraceLoader.standard().load(trace, null, ParseListener.NONE));
            Table cycles = r.mainTable();
            // The CLI's summary runs its parts on the shared analysis pool, so that is warmed too; the
            // desktop app's run on its runner, so here they stay on this thread beside the toolkit's start.
            Work work = views ? Work.serial() : Work.parallel();
            GcTraceAnalysis analysis = GcTraceAnalysis.of(cycles, RegimeAnalysis.Method.KMEANS, work);
            if (views) {
                CycleRangeAnalysis.of(cycles, analysis.regimes().regimeOfRow(), 0, cycles.rowCount(),
                        SloStreak.DEFAULT_THRESHOLD_MS, work);
            }
        } catch (IOException | RuntimeException | LinkageError ignored) {
            // an optimisation only: the summary itself will meet and report any real problem
        }
    }

    static byte[] syntheticTrace() {
        return syntheticTrace(CYCLES);
    }

    static byte[] syntheticTrace(int cycles) {
        StringBuilder b = new StringBuilder();
        double at = 0.01;
        for (int gc = 1; gc <= cycles; gc++) {
            boolean busy = gc > cycles / 2;
            int live = busy ? 40 : 4;
            at += busy ? 0.05 : 0.5;
            b.append(String.format(Locale.ROOT, "gc %d @%.3fs %d%%: 0.012+%.1f+0.003 ms clock, 0.048+0.40/1.2/0.29+0.012 ms cpu, "
                    + "%d->%d->%d MB, %d MB goal, 0 MB stacks, 0 MB globals, 4 P%n", gc, at, busy ? 9 : 1, 1 + gc % 7 * 0.5,
                    live * 2, live * 2 + 1, live, live * 2));
        }
        return b.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
