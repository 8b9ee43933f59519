package dev.gcscope.analysis.compare;

import dev.gcscope.analysis.regime.Regime;
import dev.gcscope.analysis.regime.RegimeMatching;
import dev.gcscope.analysis.stats.PercentileInterval;
import dev.gcscope.analysis.stats.RatioOfSums;
import java.util.ArrayList;
import java.util.List;

/**
 * Side A against side B: every {@link GcCost} with A, B, B/A and the ratio's 95 % interval where the
 * cost is a statistic; the pause tests; the regimes found in both, with their pauses; and the
 * verdict ({@link VerdictRanking}), which calls a pause change only when the test that allows for
 * neighbouring cycles being alike ({@link BatchPlacementTest}) agrees.
 *
 * <p>The ratio intervals: a pause percentile's from each side's order-statistic interval at √0.95
 * (both hold at once with probability at least 0.95; {@link TraceComparison}); a ratio-of-sums cost's
 * from the two batch-means estimates ({@link CostRatio}); none for an extreme, a count, Go's own
 * rounded figure or the live heap's percentile, which are not statistics ({@link GcCost.Kind}).
 *
 * @param costs in {@link GcCost} order
 * @param regimes the regimes found in both, nearest first
 * @param onlyA A's regimes with no counterpart in B
 * @param onlyB B's regimes with no counterpart in A
 */
public record PairComparison(SideFigures a, SideFigures b, TraceComparison.Result pauses, List<CostRow> costs,
                             List<RegimeComparison> regimes, List<Regime> onlyA, List<Regime> onlyB,
                             VerdictRanking.Verdict verdict) {

    public static PairComparison of(SideFigures a, SideFigures b) {
        TraceComparison.Result pauses = TraceComparison.of(a.pauses(), b.pauses(), a.pausesInOrder(), b.pausesInOrder());
        List<CostRow> rows = new ArrayList<>();
        for (GcCost c : GcCost.values()) rows.add(row(c, a, b));
        double pausesInOrderP = BatchPlacementTest.p(a.pausesInOrder(), b.pausesInOrder());
        VerdictRanking.Decision decision = VerdictRanking.decide(pauses, pausesInOrderP, rows);
        RegimeMatching.Result matching = RegimeMatching.of(a.regimes().regimes(), b.regimes().regimes());
        return new PairComparison(a, b, pauses, decision.rows(), RegimeComparison.of(a, b, matching), matching.onlyA(),
                matching.onlyB(), decision.verdict());
    }

    private static CostRow row(GcCost c, SideFigures a, SideFigures b) {
        double va = a.value(c), vb = b.value(c);
        double nan = Double.NaN;
        return switch (c.kind()) {
            case PERCENTILE -> {
                TraceComparison.Row r = TraceComparison.percentileRow(c.key(), a.pauses(), b.pauses(), c.percentile(),
                        a.pauseDependence(), b.pauseDependence());
                yield new CostRow(c, va, vb, r.ratio(), r.ratioLow(), r.ratioHigh(), nan, nan, CostRow.Change.NOT_TESTED);
            }
            case RATIO_OF_SUMS -> {
                RatioOfSums.Estimate ea = a.ratioEstimate(c), eb = b.ratioEstimate(c);
                CostRatio r = CostRatio.of(ea, eb, PercentileInterval.CONFIDENCE);
                yield new CostRow(c, va, vb, r.ratio(), r.low(), r.high(), r.p(), nan, CostRow.Change.NOT_TESTED);
            }
            default -> new CostRow(c, va, vb, vb / va, nan, nan, nan, nan, CostRow.Change.NOT_TESTED);
        };
    }

    public CostRow cost(GcCost c) {
        return costs.get(c.ordinal());
    }

    /**
     * The verdict in words, the most important change first, then the regimes whose pauses changed
     * ("; by regime: in the high-allocation regime, the median pause fell 0.284 → 0.165 ms (−42 %)"):
     * a phased trace's whole pauses follow the mix of its phases, its regimes' do not.
     */
    public String verdictText() {
        List<String> changed = regimes.stream().filter(RegimeComparison::changed).map(RegimeComparison::sentence).toList();
        return changed.isEmpty() ? verdict.text() : verdict.text() + "; by regime: " + String.join("; ", changed);
    }
}
