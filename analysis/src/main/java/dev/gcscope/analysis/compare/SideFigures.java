package dev.gcscope.analysis.compare;

import static dev.gcscope.parsers.gctrace.GcColumns.*;

import dev.gcscope.analysis.GcSummary;
import dev.gcscope.analysis.Percentiles;
import dev.gcscope.analysis.regime.RegimeAnalysis;
import dev.gcscope.analysis.stats.MutatorUtilization;
import dev.gcscope.analysis.stats.PauseStatistics;
import dev.gcscope.analysis.stats.PercentileInterval;
import dev.gcscope.analysis.stats.RatioOfSums;
import dev.gcscope.analysis.stats.SerialDependence;
import dev.gcscope.analysis.stats.SortedSample;
import dev.gcscope.analysis.work.Work;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * Every {@link GcCost} of one side, computed once however many comparisons the side takes part in
 * (a ladder compares each side with two neighbours). The summary figures are {@link GcSummary}'s, so
 * a whole trace's percentiles, heap peak, GC CPU and forced GCs are exactly what {@code summary}
 * reports for it; a range's are those of its rows, as the window shows for a selection.
 */
public final class SideFigures {
    /** The window lengths of the MMU costs, in ms. */
    static final double[] MMU_WINDOWS_MS = {1, 10, 100};
    /** Go prints heaps in whole MB, truncated. */
    private static final double MB_STEP = 1;
    private static final double MB_PER_GB = 1024;

    /** Every cycles column this reads, for a projected parse. */
    public static final Set<String> COLUMNS = columns();

    private final ComparisonSide side;
    private final GcSummary summary;
    private final SortedSample pauses;
    private final double[] pausesInOrder;
    private final PauseStatistics pauseStatistics;
    private final Map<GcCost, RatioOfSums.Estimate> ratios;
    private final double[] mmu;
    private final double heapLiveP99Mb;
    private final RegimeAnalysis.Result regimes;

    private SideFigures(ComparisonSide side, GcSummary summary, SortedSample pauses, double[] pausesInOrder,
                        Map<GcCost, RatioOfSums.Estimate> ratios, double[] mmu, double heapLiveP99Mb, RegimeAnalysis.Result regimes) {
        this.side = side;
        this.summary = summary;
        this.pauses = pauses;
        this.pausesInOrder = pausesInOrder;
        this.pauseStatistics = PauseStatistics.of(pauses, SerialDependence.of(pausesInOrder));
        this.ratios = ratios;
        this.mmu = mmu;
        this.heapLiveP99Mb = heapLiveP99Mb;
        this.regimes = regimes;
    }

    public static SideFigures of(ComparisonSide side) {
        return of(side, Work.parallel());
    }

    /**
     * The regimes (found on the whole trace unless the side brings them) and the MMU windows are
     * parts of their own beside the pauses and the sums.
     *
     * @throws java.util.concurrent.CancellationException when {@code work} is cancelled meanwhile
     */
    public static SideFigures of(ComparisonSide side, Work work) {
        Table cycles = side.cycles();
        Table range = side.isWhole() ? cycles : cycles.inRange(side.fromRow(), side.toRow());
        Work.Part<RegimeAnalysis.Result> regimes = side.regimes() != null ? null
                : work.fork(() -> RegimeAnalysis.of(cycles, RegimeAnalysis.Method.KMEANS, work));
        Work.Part<double[]> mmu = work.fork(() -> MutatorUtilization.at(range, MMU_WINDOWS_MS));
        SortedSample pauses = SortedSample.of(range.doubleColumn(STW_MS));
        double[] inOrder = java.util.Arrays.stream(range.doubleColumn(STW_MS).asDoubleArray()).filter(x -> !Double.isNaN(x)).toArray();
        work.checkCancelled();
        GcSummary summary = GcSummary.of(range, pauses);
        Map<GcCost, RatioOfSums.Estimate> ratios = ratios(range);
        double liveP99 = Percentiles.of(asDoubles(range.intColumn(HEAP_LIVE_MB))).at(99);
        return new SideFigures(side, summary, pauses, inOrder, ratios, mmu.join(), liveP99,
                regimes == null ? side.regimes() : regimes.join());
    }

    private static Map<GcCost, RatioOfSums.Estimate> ratios(Table range) {
        int n = range.rowCount();
        double[] interval = range.doubleColumn(INTERVAL_S).asDoubleArray();
        double[] alloc = range.doubleColumn(ALLOC_MB).asDoubleArray();
        double[] live = asDoubles(range.intColumn(HEAP_LIVE_MB)), goal = asDoubles(range.intColumn(HEAP_GOAL_MB));
        double[] procs = asDoubles(range.intColumn(PROCS));
        double[] gcCpu = new double[n], cpuThere = new double[n], ones = new double[n], allocGb = new double[n];
        DoubleColumn sweepTerm = range.doubleColumn(SWEEP_TERM_CPU_MS), assist = range.doubleColumn(ASSIST_CPU_MS);
        DoubleColumn background = range.doubleColumn(BACKGROUND_CPU_MS), markTerm = range.doubleColumn(MARK_TERM_CPU_MS);
        for (int i = 0; i < n; i++) {
            // what Go counts as the cycle's GC CPU (mgc.go, gcMarkTermination): both stops times the
            // procs stopped, assist and background marking; idle marking used CPUs nobody wanted
            gcCpu[i] = sweepTerm.getDouble(i) + assist.getDouble(i) + background.getDouble(i) + markTerm.getDouble(i);
            cpuThere[i] = procs[i] * interval[i] * 1000;
            ones[i] = 1;
            allocGb[i] = alloc[i] / MB_PER_GB;
        }
        Map<GcCost, RatioOfSums.Estimate> out = new EnumMap<>(GcCost.class);
        out.put(GcCost.GC_CPU_CYCLES_PCT, RatioOfSums.of(gcCpu, cpuThere, 0, 0).scaled(100));
        out.put(GcCost.CYCLES_PER_S, RatioOfSums.of(ones, interval, 0, 0));
        out.put(GcCost.CYCLES_PER_GB, RatioOfSums.of(ones, allocGb, 0, 0));
        out.put(GcCost.ALLOC_RATE_MB_S, RatioOfSums.of(alloc, interval, 0, 0));
        out.put(GcCost.HEAP_OVERHEAD, RatioOfSums.of(goal, live, MB_STEP, MB_STEP));
        out.put(GcCost.HEAP_LIVE_MEAN_MB, RatioOfSums.of(live, ones, MB_STEP, 0));
        return out;
    }

    /** An int column as doubles, missing cells NaN. */
    private static double[] asDoubles(IntColumn c) {
        double[] out = new double[c.size()];
        for (int i = 0; i < out.length; i++) out[i] = c.isMissing(i) ? Double.NaN : c.getInt(i);
        return out;
    }

    /** The same figures under another label (the user renamed the side): nothing is recomputed. */
    public SideFigures withLabel(String label) {
        return new SideFigures(side.withLabel(label), summary, pauses, pausesInOrder, ratios, mmu, heapLiveP99Mb, regimes);
    }

    public ComparisonSide side() {
        return side;
    }

    public String label() {
        return side.label();
    }

    /** The rows compared. */
    public int cycles() {
        return side.toRow() - side.fromRow();
    }

    /** What {@code summary} reports for these rows. */
    public GcSummary summary() {
        return summary;
    }

    /** The rows' STW pauses, sorted. */
    public SortedSample pauses() {
        return pauses;
    }

    /** The rows' STW pauses in the order of their cycles (for tests that allow for neighbours being alike). */
    /** What widens this side's pause percentile intervals: its pauses in order ({@link SerialDependence}). */
    public SerialDependence pauseDependence() {
        return SerialDependence.of(pausesInOrder);
    }

    public double[] pausesInOrder() {
        return pausesInOrder.clone();
    }

    public PauseStatistics pauseStatistics() {
        return pauseStatistics;
    }

    /** The whole trace's regimes. */
    public RegimeAnalysis.Result regimes() {
        return regimes;
    }

    /** The batch-means estimate of a {@link GcCost.Kind#RATIO_OF_SUMS} cost; null for the others. */
    public RatioOfSums.Estimate ratioEstimate(GcCost cost) {
        return ratios.get(cost);
    }

    /** The side's figure for {@code cost}; NaN when the trace lacks what it needs. */
    public double value(GcCost cost) {
        return switch (cost) {
            case STW_P50, STW_P90, STW_P99, STW_P999 -> pauses.percentile(cost.percentile());
            case STW_MAX -> pauses.max();
            case GC_CPU_PCT -> summary.gcCpuPct();
            case HEAP_PEAK_MB -> summary.heapPeakMb();
            case HEAP_LIVE_P99_MB -> heapLiveP99Mb;
            case MMU_1MS -> mmu[0];
            case MMU_10MS -> mmu[1];
            case MMU_100MS -> mmu[2];
            case FORCED -> summary.forced();
            default -> ratios.get(cost).value();
        };
    }

    /**
     * The side's own 95 % interval for {@code cost}: {low, high}, an open end infinite; NaN ends for a
     * cost that is not a statistic or a side too short for one.
     */
    public double[] interval(GcCost cost) {
        return switch (cost.kind()) {
            case PERCENTILE -> {
                PercentileInterval.Estimate e = percentile(cost);
                yield new double[] {e.low(), e.high()};
            }
            case RATIO_OF_SUMS -> ratios.get(cost).interval(PercentileInterval.CONFIDENCE);
            default -> new double[] {Double.NaN, Double.NaN};
        };
    }

    /** A pause percentile with its 95 % order-statistic interval. */
    public PercentileInterval.Estimate percentile(GcCost cost) {
        return switch (cost) {
            case STW_P50 -> pauseStatistics.p50();
            case STW_P90 -> pauseStatistics.p90();
            case STW_P99 -> pauseStatistics.p99();
            case STW_P999 -> pauseStatistics.p999();
            default -> throw new IllegalArgumentException(cost + " is not a pause percentile");
        };
    }

    /**
     * The pauses of each regime's cycles among the rows compared (forced GCs belong to none), by
     * regime id; a regime without cycles here has an empty sample.
     */
    public SortedSample[] regimePauses() {
        double[][] inOrder = regimePausesInOrder();
        SortedSample[] out = new SortedSample[inOrder.length];
        for (int r = 0; r < out.length; r++) out[r] = SortedSample.of(inOrder[r]);
        return out;
    }

    /** {@link #regimePauses()} in the order of their cycles. */
    public double[][] regimePausesInOrder() {
        int k = regimes.regimes().size();
        int[] regimeOfRow = regimes.regimeOfRow();
        DoubleColumn stw = side.cycles().doubleColumn(STW_MS);
        BooleanColumn forced = side.cycles().booleanColumn(FORCED);
        int[] filled = new int[k];
        for (int i = side.fromRow(); i < side.toRow(); i++) if (regimeOfRow[i] >= 0 && !forced.get(i)) filled[regimeOfRow[i]]++;
        double[][] values = new double[k][];
        for (int r = 0; r < k; r++) values[r] = new double[filled[r]];
        Arrays.fill(filled, 0);
        for (int i = side.fromRow(); i < side.toRow(); i++) {
            int r = regimeOfRow[i];
            if (r >= 0 && !forced.get(i) && !Double.isNaN(stw.getDouble(i))) values[r][filled[r]++] = stw.getDouble(i);
        }
        for (int r = 0; r < k; r++) values[r] = Arrays.copyOf(values[r], filled[r]);
        return values;
    }

    private static Set<String> columns() {
        Set<String> c = new HashSet<>(GcSummary.COLUMNS);
        c.addAll(RegimeAnalysis.COLUMNS);
        c.addAll(Set.of(INTERVAL_S, ALLOC_MB, HEAP_LIVE_MB, HEAP_GOAL_MB, PROCS, SWEEP_TERM_CPU_MS, ASSIST_CPU_MS,
                BACKGROUND_CPU_MS, MARK_TERM_CPU_MS, FORCED,
                // the MMU's timeline
                SWEEP_TERM_MS, MARK_MS, MARK_TERM_MS, INSTALL_WB_MS));
        return Set.copyOf(c);
    }
}
