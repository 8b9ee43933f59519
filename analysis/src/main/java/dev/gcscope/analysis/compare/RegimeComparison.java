package dev.gcscope.analysis.compare;

import dev.gcscope.analysis.regime.Regime;
import dev.gcscope.analysis.regime.RegimeMatching;
import dev.gcscope.analysis.stats.SortedSample;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The pauses of one regime found in both sides ({@link RegimeMatching}): "in the high-allocation
 * regime, P99 fell 4.88 → 0.34 ms". Each regime's pauses are compared as two whole traces' are
 * ({@link TraceComparison}), and a change needs the test that allows for neighbouring cycles being
 * alike ({@link BatchPlacementTest}) to agree; the regimes' p-values are Holm-adjusted among themselves, so
 * the regime rows of one pair call a change by chance at most 5 % of the time, apart from the
 * pair's verdict.
 *
 * @param name the regime in words, e.g. "high-allocation"
 * @param distance of the two regimes' typical figures, in material differences
 * @param pauses the regime's pauses, A's against B's, among the rows compared
 * @param adjustedP the pause family p-value, Holm-adjusted over the pair's regimes; NaN with too few pauses
 * @param sentence what changed, in words
 */
public record RegimeComparison(Regime a, Regime b, String name, double distance, TraceComparison.Result pauses,
                               double adjustedP, String sentence) {

    static List<RegimeComparison> of(SideFigures left, SideFigures right, RegimeMatching.Result matching) {
        double[][] inOrderA = left.regimePausesInOrder(), inOrderB = right.regimePausesInOrder();
        List<RegimeMatching.Match> matches = matching.matches();
        List<Regime> matchedA = matches.stream().map(RegimeMatching.Match::a).toList();
        List<TraceComparison.Result> results = new ArrayList<>();
        double[] p = new double[matches.size()];
        for (int i = 0; i < matches.size(); i++) {
            RegimeMatching.Match m = matches.get(i);
            double[] a = inOrderA[m.a().id()], b = inOrderB[m.b().id()];
            TraceComparison.Result r = TraceComparison.of(SortedSample.of(a), SortedSample.of(b), a, b);
            results.add(r);
            // as for the whole traces (PairComparison): a regime's cycles follow one another too
            double inOrder = BatchPlacementTest.p(a, b);
            p[i] = Double.isNaN(inOrder) || Double.isNaN(r.familyP()) ? r.familyP() : Math.max(r.familyP(), inOrder);
        }
        double[] adjusted = VerdictRanking.holm(p);
        List<RegimeComparison> out = new ArrayList<>();
        for (int i = 0; i < matches.size(); i++) {
            RegimeMatching.Match m = matches.get(i);
            String name = RegimeMatching.name(m.a(), matchedA);
            out.add(new RegimeComparison(m.a(), m.b(), name, m.distance(), results.get(i), adjusted[i],
                    sentence(name, results.get(i), adjusted[i])));
        }
        return List.copyOf(out);
    }

    /** Whether this regime's pauses changed, after the adjustment over the pair's regimes. */
    public boolean changed() {
        return adjustedP < ComparisonVerdict.FAMILY_ALPHA && pauses.decision().call().changed();
    }

    static String sentence(String name, TraceComparison.Result r, double adjustedP) {
        String in = "in the " + name + " regime, ";
        List<TraceComparison.Row> rows = r.percentiles();
        TraceComparison.Row p50 = rows.get(0), p99 = rows.get(2);
        if (Double.isNaN(adjustedP)) {
            return in + "too few pauses to compare (at least " + TraceComparison.MIN_PAUSES + " a side)";
        }
        ComparisonVerdict.Call call = r.decision().call();
        if (adjustedP < ComparisonVerdict.FAMILY_ALPHA && call.changed()) {
            if (call == ComparisonVerdict.Call.NEGLIGIBLE) return in + "pauses differ, but negligibly";
            if (outside(p99)) return in + "P99 " + moved(p99);
            if (outside(p50)) return in + "the median pause " + moved(p50);
            if (call == ComparisonVerdict.Call.SHAPE) return in + "the pauses changed shape, though no percentile's interval says where";
            HodgesLehmann.Shift s = r.shift();
            return String.format(Locale.ROOT, "%stypical pauses got %s (%s%s ms)", in, s.estimate() < 0 ? "shorter" : "longer",
                    s.estimate() < 0 ? "−" : "+", ComparisonVerdict.num(Math.abs(s.estimate())));
        }
        return String.format(Locale.ROOT, "%sno clear change in pauses (P99 %s → %s ms)", in, ComparisonVerdict.num(p99.a()),
                ComparisonVerdict.num(p99.b()));
    }

    private static boolean outside(TraceComparison.Row row) {
        return row.ratioLow() > 1 || row.ratioHigh() < 1;
    }

    /** "fell 4.88 → 0.34 ms (−93 %)" */
    private static String moved(TraceComparison.Row row) {
        return String.format(Locale.ROOT, "%s %s → %s ms (%s)", row.ratio() < 1 ? "fell" : "rose", ComparisonVerdict.num(row.a()),
                ComparisonVerdict.num(row.b()), VerdictRanking.percent(row.ratio()));
    }
}
