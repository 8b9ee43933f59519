package dev.gcscope.analysis.compare;

import dev.gcscope.analysis.stats.PercentileInterval;
import dev.gcscope.analysis.work.Work;
import java.util.ArrayList;
import java.util.List;

/**
 * Two or more gctrace sides in the user's order — before and after a change, or a version ladder
 * Go 1.19 → 1.21 → … → 1.24 — compared: each side's figures once, each adjacent pair (1→2, 2→3, …),
 * the first against the last (for two sides, the one pair), and the ladder of per-side figures with
 * their intervals. What {@code compare} prints and the window's comparison shows; no toolkit types.
 *
 * @param sides each side's figures, in order
 * @param steps adjacent pairs: steps.get(i) compares side i with side i + 1
 * @param overall the first side against the last (the same object as the single step for two sides)
 * @param ladder one rung per side, in order
 */
public record GcComparison(List<SideFigures> sides, List<PairComparison> steps, PairComparison overall, List<Rung> ladder) {

    /**
     * A side in the ladder: its P50 and P99 with their 95 % order-statistic intervals (open where the
     * side is too short for an end), GC CPU and GC cycles per GB allocated with their batch-means
     * intervals ({low, high}, NaN ends when too short).
     */
    public record Rung(String label, int cycles, PercentileInterval.Estimate p50Ms, PercentileInterval.Estimate p99Ms,
                       double gcCpuPct, double[] gcCpuPctCi, double cyclesPerGb, double[] cyclesPerGbCi) {
        static Rung of(SideFigures s) {
            return new Rung(s.label(), s.cycles(), s.percentile(GcCost.STW_P50), s.percentile(GcCost.STW_P99),
                    s.value(GcCost.GC_CPU_CYCLES_PCT), s.interval(GcCost.GC_CPU_CYCLES_PCT), s.value(GcCost.CYCLES_PER_GB),
                    s.interval(GcCost.CYCLES_PER_GB));
        }
    }

    public static GcComparison of(List<ComparisonSide> sides) {
        return of(sides, Work.parallel());
    }

    /**
     * The sides are computed as parts of their own (each finds its regimes unless it brings them).
     *
     * @throws IllegalArgumentException with fewer than two sides
     * @throws java.util.concurrent.CancellationException when {@code work} is cancelled meanwhile
     */
    public static GcComparison of(List<ComparisonSide> sides, Work work) {
        if (sides.size() < 2) throw new IllegalArgumentException("a comparison needs two sides or more, not " + sides.size());
        List<Work.Part<SideFigures>> parts = new ArrayList<>();
        for (ComparisonSide s : sides) parts.add(work.fork(() -> SideFigures.of(s, work)));
        List<SideFigures> figures = new ArrayList<>();
        for (Work.Part<SideFigures> p : parts) figures.add(p.join());
        return ofFigures(figures, work);
    }

    /** From sides already computed (a relabelled or reordered ladder recomputes only its pairs). */
    public static GcComparison ofFigures(List<SideFigures> figures, Work work) {
        if (figures.size() < 2) throw new IllegalArgumentException("a comparison needs two sides or more, not " + figures.size());
        List<PairComparison> steps = new ArrayList<>();
        for (int i = 0; i + 1 < figures.size(); i++) {
            work.checkCancelled();
            steps.add(PairComparison.of(figures.get(i), figures.get(i + 1)));
        }
        PairComparison overall = figures.size() == 2 ? steps.get(0) : PairComparison.of(figures.get(0), figures.get(figures.size() - 1));
        List<Rung> ladder = figures.stream().map(Rung::of).toList();
        return new GcComparison(List.copyOf(figures), List.copyOf(steps), overall, ladder);
    }
}
