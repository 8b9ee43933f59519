package dev.gcscope.analysis.regime;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which regime of one trace is which regime of another — the same phase of the workload before and
 * after a Go upgrade — by nearest typical figures.
 *
 * <p>Each trace's clustering standardises its features by that trace's own spread, so clusters of two
 * traces cannot be compared in their own coordinates. Regimes are matched on a scale common to every
 * trace instead: the material differences the regime analysis itself uses (factor 1.5 in allocation
 * rate, 0.10 in survival, factor 2 in live heap; {@link RegimeAnalysis}), the distance being the
 * Euclidean one in those units over the features both regimes have. Pairs are taken nearest first,
 * each regime in at most one pair, and only within {@value #MATCH_LIMIT} units; the rest are listed
 * as found on one side only.
 *
 * <p>The limit is read off real recordings of one workload under Go 1.19, 1.21, 1.22, 1.23 and 1.24:
 * a phase's regime moved at most 3.0 units from one release to another (the burst's allocation rate
 * changed 3.3-fold between 1.21 and 1.22, the runtime's own speed), while two different phases were
 * never closer than 6.3.
 */
public final class RegimeMatching {
    public static final double MATCH_LIMIT = 4.5;

    /** @param distance in material differences */
    public record Match(Regime a, Regime b, double distance) {}

    /**
     * @param matches nearest first
     * @param onlyA regimes of A with no counterpart within the limit, by id
     * @param onlyB likewise of B
     */
    public record Result(List<Match> matches, List<Regime> onlyA, List<Regime> onlyB) {}

    private RegimeMatching() {}

    public static Result of(List<Regime> a, List<Regime> b) {
        List<Match> candidates = new ArrayList<>();
        for (Regime x : a) {
            for (Regime y : b) {
                double d = distance(x, y);
                if (d <= MATCH_LIMIT) candidates.add(new Match(x, y, d));
            }
        }
        candidates.sort(Comparator.comparingDouble(Match::distance));
        List<Match> matches = new ArrayList<>();
        boolean[] usedA = new boolean[a.size()], usedB = new boolean[b.size()];
        for (Match m : candidates) {
            int i = a.indexOf(m.a()), j = b.indexOf(m.b());
            if (usedA[i] || usedB[j]) continue;
            usedA[i] = usedB[j] = true;
            matches.add(m);
        }
        List<Regime> onlyA = new ArrayList<>(), onlyB = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) if (!usedA[i]) onlyA.add(a.get(i));
        for (int j = 0; j < b.size(); j++) if (!usedB[j]) onlyB.add(b.get(j));
        return new Result(List.copyOf(matches), List.copyOf(onlyA), List.copyOf(onlyB));
    }

    /**
     * Euclidean distance of two regimes' typical figures in material differences; a feature one of
     * them lacks (the allocation rate of a trace without timestamps) is left out.
     */
    public static double distance(Regime x, Regime y) {
        double rate = (Math.log10(x.allocRateMbS() + 1) - Math.log10(y.allocRateMbS() + 1)) / RegimeAnalysis.MATERIAL_LOG_RATE;
        double survival = (x.survival() - y.survival()) / RegimeAnalysis.MATERIAL_SURVIVAL;
        double heap = (Math.log10(x.liveHeapMb() + 1) - Math.log10(y.liveHeapMb() + 1)) / RegimeAnalysis.MATERIAL_LOG_HEAP;
        double sum = 0;
        for (double d : new double[] {rate, survival, heap}) if (!Double.isNaN(d)) sum += d * d;
        return Math.sqrt(sum);
    }

    /**
     * A regime in words for a sentence: its labels as adjectives ("high-allocation",
     * "high-allocation, high-survival"), as many as it takes to tell it from {@code others}.
     */
    public static String name(Regime r, List<Regime> others) {
        List<String> words = r.labels().stream().map(RegimeMatching::word).toList();
        for (int n = 1; n <= words.size(); n++) {
            List<String> prefix = words.subList(0, n);
            boolean unique = others.stream().filter(o -> o != r)
                    .noneMatch(o -> o.labels().stream().map(RegimeMatching::word).limit(prefix.size()).toList().equals(prefix));
            if (unique) return String.join(", ", prefix);
        }
        return String.join(", ", words);
    }

    private static String word(String label) {
        return switch (label) {
            case "high_alloc_rate" -> "high-allocation";
            case "moderate_alloc_rate" -> "moderate-allocation";
            case "low_alloc_rate" -> "low-allocation";
            default -> label.replace('_', '-');
        };
    }
}
