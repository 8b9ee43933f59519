package dev.gcscope.analysis;

import static dev.gcscope.parsers.gctrace.GcColumns.STW_MS;

import dev.gcscope.analysis.regime.IncrementalRegimes;
import dev.gcscope.analysis.regime.Regime;
import dev.gcscope.analysis.regime.RegimeAnalysis;
import dev.gcscope.analysis.stats.Convergence;
import dev.gcscope.analysis.stats.ConvergenceTracker;
import dev.gcscope.analysis.stats.GrowingSample;
import dev.gcscope.analysis.stats.IncrementalMmu;
import dev.gcscope.analysis.stats.MutatorUtilization;
import dev.gcscope.analysis.stats.PauseFits;
import dev.gcscope.analysis.stats.PauseStatistics;
import dev.gcscope.analysis.stats.SerialDependence;
import dev.gcscope.analysis.stats.SloStreak;
import dev.gcscope.analysis.stats.SortedSample;
import dev.gcscope.analysis.work.Work;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * The statistics of a followed log ({@code summary --follow}, File ▸ Follow), updated from the cycles
 * appended since the last update: what {@link GcTraceAnalysis} and the whole trace's
 * {@link CycleRangeAnalysis} hold, without going over every cycle again for the costly parts.
 * <ul>
 *   <li>pauses: the new ones sorted and merged into the sorted ones ({@link GrowingSample}); the
 *       percentiles, their intervals, the key figures and the SLO streak are read off them exactly
 *       as from scratch (the key figures and the streak are one plain pass, a few ms on a million);</li>
 *   <li>MMU: {@link IncrementalMmu}, exact on a fixed grid of window lengths;</li>
 *   <li>convergence: {@link ConvergenceTracker}, exact on a fixed grid of checkpoints;</li>
 *   <li>regimes: {@link IncrementalRegimes}, clustered when the log has doubled, new cycles placed by
 *       the nearest centre between, each regime's figures exact for that placement;</li>
 *   <li>distribution fits: fitted again once the pauses have grown by {@value #REFIT_GROWTH} since the
 *       last fit (a maximum-likelihood fit over every pause each update would cost as much as the rest
 *       together); until then the last fit is shown, over at least 1/(1 + growth) of the pauses.</li>
 * </ul>
 * The cycles table must be the same log each time with rows appended (as a followed parse hands it
 * out); a table with fewer rows starts the statistics afresh. Not thread-safe: one update at a time.
 */
public final class LiveAnalysis {
    /** Fits are made again once the pauses have grown by this share since the last fit. */
    public static final double REFIT_GROWTH = 0.10;

    private final RegimeAnalysis.Method method;
    private final int clusterAlwaysBelow;
    private IncrementalRegimes regimes;
    private GrowingSample pauses;
    private ConvergenceTracker convergence;
    private IncrementalMmu mmu;
    private int rows;
    private PauseFits.Result fits;
    private int fittedPauses;

    /**
     * @param analysis the trace's summary, pause statistics and regimes (what {@code summary} prints)
     * @param whole the whole trace's statistics (what the window's views read)
     * @param regimes how the regimes were found: clustered now, or placed by the nearest centre
     * @param fittedPauses the pauses the distribution fits were made from
     */
    public record Update(GcTraceAnalysis analysis, CycleRangeAnalysis whole, IncrementalRegimes.Update regimes, int fittedPauses) {}

    public LiveAnalysis(RegimeAnalysis.Method method) {
        this(method, IncrementalRegimes.CLUSTER_ALWAYS_BELOW);
    }

    /** @param clusterAlwaysBelow the regimes are clustered on every update while the log has fewer cycles */
    public LiveAnalysis(RegimeAnalysis.Method method, int clusterAlwaysBelow) {
        this.method = method;
        this.clusterAlwaysBelow = clusterAlwaysBelow;
        reset();
    }

    private void reset() {
        regimes = new IncrementalRegimes(method, clusterAlwaysBelow);
        pauses = new GrowingSample();
        convergence = new ConvergenceTracker();
        mmu = new IncrementalMmu();
        rows = 0;
        fits = null;
        fittedPauses = 0;
    }

    /**
     * @param cycles the log so far (with its derived columns)
     * @param sloMs the SLO streak's threshold
     * @param work where the regimes and the MMU run beside the rest
     */
    public Update update(Table cycles, double sloMs, Work work) {
        int n = cycles.rowCount();
        if (n < rows) reset(); // truncated and read again from its start
        int from = rows;
        Work.Part<IncrementalRegimes.Update> regimesPart = work.fork(() -> regimes.update(cycles, work));
        Work.Part<List<MutatorUtilization.Point>> mmuPart = work.fork(() -> mmu.update(cycles));
        DoubleColumn stwColumn = cycles.doubleColumn(STW_MS);
        double[] stw = stwColumn.asDoubleArray();
        SortedSample sorted = pauses.add(stw, from, n);
        Convergence.Result converged = convergence.update(stw, from, n, sorted);
        work.checkCancelled();
        GcSummary summary = GcSummary.of(cycles, sorted);
        PauseStatistics stats = PauseStatistics.of(sorted, SerialDependence.of(stwColumn, sorted.size()));
        if (fits == null || sorted.size() >= fittedPauses * (1 + REFIT_GROWTH)) {
            fits = PauseFits.of(sorted);
            fittedPauses = sorted.size();
        }
        SloStreak slo = SloStreak.of(stw, sloMs);
        IncrementalRegimes.Update found = regimesPart.join();
        List<MutatorUtilization.Point> curve = mmuPart.join();
        rows = n;
        RegimeAnalysis.Result r = found.result();
        GcTraceAnalysis analysis = new GcTraceAnalysis(summary, stats, r);
        CycleRangeAnalysis whole = new CycleRangeAnalysis(0, n, summary, stats, sorted, converged, fits, curve, slo,
                regimePauses(r, stw));
        return new Update(analysis, whole, found, fittedPauses);
    }

    /**
     * What {@code summary --follow} prints: the key figures, the pause percentiles and the regimes,
     * updated the same way; the MMU, convergence and fits are left alone (an analysis updated by
     * this alone must not be {@link #update}d as well: one kind of update per instance).
     */
    public GcTraceAnalysis updateSummary(Table cycles, Work work) {
        int n = cycles.rowCount();
        if (n < rows) reset();
        int from = rows;
        Work.Part<IncrementalRegimes.Update> regimesPart = work.fork(() -> regimes.update(cycles, work));
        DoubleColumn stwColumn = cycles.doubleColumn(STW_MS);
        double[] stw = new double[n];
        for (int i = from; i < n; i++) stw[i] = stwColumn.getDouble(i);
        SortedSample sorted = pauses.add(stw, from, n);
        GcSummary summary = GcSummary.of(cycles, sorted);
        PauseStatistics stats = PauseStatistics.of(sorted, SerialDependence.of(stwColumn, sorted.size()));
        RegimeAnalysis.Result r = regimesPart.join().result();
        rows = n;
        return new GcTraceAnalysis(summary, stats, r);
    }

    /** {@link CycleRangeAnalysis}'s per-regime pauses from the regimes' own figures, and one pass for their maxima. */
    private static List<CycleRangeAnalysis.RegimePauses> regimePauses(RegimeAnalysis.Result r, double[] stw) {
        int k = r.regimes().size();
        double[] max = new double[k];
        Arrays.fill(max, Double.NaN);
        int[] regimeOfRow = r.regimeOfRow();
        for (int i = 0; i < regimeOfRow.length; i++) {
            int g = regimeOfRow[i];
            double v = stw[i];
            if (g >= 0 && !Double.isNaN(v) && !(v <= max[g])) max[g] = v;
        }
        List<CycleRangeAnalysis.RegimePauses> out = new ArrayList<>();
        for (Regime g : r.regimes()) {
            if (Double.isNaN(max[g.id()])) continue; // no pause figure: CycleRangeAnalysis leaves it out too
            out.add(new CycleRangeAnalysis.RegimePauses(g.id(), g.cycles(), g.stwP50Ms(), g.stwP99Ms(), max[g.id()],
                    g.stwP50(), g.stwP99()));
        }
        return List.copyOf(out);
    }
}
