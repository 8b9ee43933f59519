package dev.gcscope.analysis.compare;

import dev.gcscope.analysis.compare.CostRow.Change;
import dev.gcscope.analysis.compare.GcCost.Aspect;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The comparison's verdict in plain words, leading with the change that matters most to a user.
 *
 * <p><b>What counts as a change.</b> The verdict asks several questions at once — did the pauses
 * change (Mann–Whitney and KS, already Holm-adjusted between themselves: {@link ComparisonVerdict}),
 * and did each GC cost with an interval change ({@link CostRatio}'s p-value)? Their p-values are
 * Holm-adjusted together (Holm 1979), so two traces of one program are called different in any
 * respect at most {@value ComparisonVerdict#FAMILY_ALPHA} of the time. Then:
 * <ul>
 * <li>a cost with an interval changed when its adjusted p is under {@value ComparisonVerdict#FAMILY_ALPHA};</li>
 * <li>a pause percentile changed when the pauses changed and the percentile's ratio interval lies
 *     wholly on one side of 1 (the rule {@link ComparisonVerdict} quotes percentiles by); when only the
 *     typical pause moved (Mann–Whitney) and no percentile's interval excludes 1, the Hodges–Lehmann
 *     shift speaks for it;</li>
 * <li>a change within {@link #NEGLIGIBLE_RATIO} (5 %) either way, however certain, is "about the same";</li>
 * <li>anything else — every cost without an interval, every difference its interval does not
 *     support — is never called better or worse: "no clear change", or not tested at all.</li>
 * </ul>
 *
 * <p><b>The ranking rule.</b> Each change gets the score w·|ln(B/A)|: its size as a factor, weighted by
 * what the user feels ({@link #weight}). Request-latency objectives are set on the tail, so a
 * change of the pause tail (P99, P99.9) weighs 3; the CPU the collector takes from the program 2;
 * the 1-in-10 pause 1.5; the typical pause (P50) 1 — Go's are well under a millisecond since 1.8,
 * so it matters least of the pauses; the live heap and the heap goal 1; how often the GC runs 0.75
 * (it is how the pacer trades CPU for memory, which the CPU and heap rows already show); the
 * program's allocation rate 0.5, said last as the context that explains the rest. So a P99 93 %
 * lower (score 3·2.66 = 8.0) leads an 18 % longer median (1·0.17), and a GC CPU 50 % higher
 * (2·0.41) leads a P99 10 % lower (3·0.11). Changes are listed by score, highest first; of P99 and
 * P99.9 only the higher-scoring is quoted. The rest follow as "about the same" and "no clear change".
 *
 * <p><b>The words.</b> "slightly" under a factor of {@value #SLIGHT_BELOW}, "much" from a factor of
 * {@value #MUCH_FROM}, nothing in between.
 */
public final class VerdictRanking {
    /** Changes within this factor either way are "about the same", however certain. */
    public static final double NEGLIGIBLE_RATIO = 1.05;
    public static final double SLIGHT_BELOW = 1.25;
    public static final double MUCH_FROM = 2;

    private static final Map<Aspect, Double> WEIGHTS = new EnumMap<>(Map.of(
            Aspect.PAUSE_TAIL, 3.0, Aspect.GC_CPU, 2.0, Aspect.UPPER_PAUSES, 1.5, Aspect.TYPICAL_PAUSE, 1.0,
            Aspect.HEAP, 1.0, Aspect.GC_FREQUENCY, 0.75, Aspect.WORKLOAD, 0.5, Aspect.MUTATOR_UTILIZATION, 0.0));

    /** What the pair comes to, overall. */
    public enum Outcome {
        /** At least one change is supported. */
        CHANGED,
        /** Nothing the intervals support (changes within 5 % at most). */
        NO_CLEAR_CHANGE,
        /** Too few cycles on a side for any test. */
        TOO_FEW
    }

    /**
     * One supported change, scored.
     *
     * @param cost the row it speaks for; null for the Hodges–Lehmann shift of the typical pause
     * @param ratio B/A
     * @param better true better, false worse, null neither (the allocation rate)
     * @param phrase e.g. "pause tail much shorter (P99 5.52 → 0.34 ms, −94 %)"
     */
    public record Finding(Aspect aspect, GcCost cost, double ratio, Boolean better, double score, String phrase) {}

    /**
     * @param findings the supported changes, highest score first
     * @param aboutTheSame aspects whose supported changes were all negligible
     * @param noClearChange aspects tested without a supported change
     * @param pausesAdjustedP the pause family's p after the joint Holm adjustment
     * @param pausesInOrderP {@link BatchPlacementTest}'s own p-value (NaN: too few pauses for its batches)
     * @param pausesUnclearInOrder whether the pauses are "no clear change" only because of the in-order
     *                             test: Mann–Whitney and KS, which take every cycle as independent, would
     *                             have called them changed after the same joint adjustment
     */
    public record Verdict(Outcome outcome, List<Finding> findings, List<Aspect> aboutTheSame, List<Aspect> noClearChange,
                          double pausesAdjustedP, double pausesInOrderP, boolean pausesUnclearInOrder, String text) {}

    /** The rows with their calls, and the verdict they come to. */
    public record Decision(List<CostRow> rows, Verdict verdict) {}

    private VerdictRanking() {}

    /** The weight of an aspect in the ranking score. */
    public static double weight(Aspect aspect) {
        return WEIGHTS.get(aspect);
    }

    /** The ranking score of a change by factor {@code ratio} of an {@code aspect}. */
    public static double score(Aspect aspect, double ratio) {
        return weight(aspect) * Math.abs(Math.log(ratio));
    }

    /**
     * @param pauses the pause comparison (its family p-value joins the joint adjustment)
     * @param pausesInOrderP {@link BatchPlacementTest}'s p-value, which allows for neighbouring cycles
     *                       being alike; the pause family counts with the larger of the two (NaN: the
     *                       family's own alone)
     * @param rows every cost, {@code p} set for those with an interval, {@code change} not yet
     */
    public static Decision decide(TraceComparison.Result pauses, double pausesInOrderP, List<CostRow> rows) {
        // the joint Holm adjustment: the pause family first, then every cost with a p-value
        double[] p = new double[rows.size() + 1];
        double family = pauses.familyP();
        p[0] = Double.isNaN(pausesInOrderP) || Double.isNaN(family) ? family : Math.max(family, pausesInOrderP);
        for (int i = 0; i < rows.size(); i++) p[i + 1] = rows.get(i).p();
        double[] adjusted = holm(p);
        double pausesP = adjusted[0];
        // Said in the verdict, so that "no clear change" beside Mann–Whitney's p < 0.001 is explained
        boolean unclearInOrder = false;
        if (!(pausesP < ComparisonVerdict.FAMILY_ALPHA) && family < pausesInOrderP && pauses.decision().call().changed()) {
            p[0] = family;
            unclearInOrder = holm(p)[0] < ComparisonVerdict.FAMILY_ALPHA;
        }
        ComparisonVerdict.Call call = pausesP < ComparisonVerdict.FAMILY_ALPHA ? pauses.decision().call()
                : Double.isNaN(pausesP) ? ComparisonVerdict.Call.TOO_FEW : ComparisonVerdict.Call.NO_CHANGE;

        List<CostRow> decided = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) decided.add(call(rows.get(i), adjusted[i + 1], call));
        List<Finding> findings = new ArrayList<>();
        for (CostRow r : decided) if (r.change().supported()) findings.add(finding(r));
        if ((call == ComparisonVerdict.Call.SHORTER || call == ComparisonVerdict.Call.LONGER)
                && findings.stream().noneMatch(f -> f.aspect() == Aspect.TYPICAL_PAUSE)) {
            findings.add(shiftFinding(pauses, row(decided, GcCost.STW_P50)));
        }
        findings = strongestTail(findings);
        findings.sort(Comparator.comparingDouble(Finding::score).reversed());

        Set<Aspect> changed = new LinkedHashSet<>(), same = new LinkedHashSet<>(), tested = new LinkedHashSet<>();
        for (Finding f : findings) changed.add(f.aspect());
        for (CostRow r : decided) {
            if (r.change() == Change.NEGLIGIBLE) same.add(r.cost().aspect());
            if (r.change() != Change.NOT_TESTED) tested.add(r.cost().aspect());
        }
        if (call == ComparisonVerdict.Call.NEGLIGIBLE) same.add(Aspect.TYPICAL_PAUSE);
        same.removeAll(changed);
        tested.removeAll(changed);
        tested.removeAll(same);
        Comparator<Aspect> byWeight = Comparator.comparingDouble(VerdictRanking::weight).reversed();
        // the pause aspects are one question (the family test) unless a percentile was called
        boolean pausesChanged = changed.contains(Aspect.PAUSE_TAIL) || changed.contains(Aspect.UPPER_PAUSES)
                || changed.contains(Aspect.TYPICAL_PAUSE);
        Outcome outcome = findings.isEmpty()
                ? (call == ComparisonVerdict.Call.TOO_FEW && tested.isEmpty() && same.isEmpty() ? Outcome.TOO_FEW : Outcome.NO_CLEAR_CHANGE)
                : Outcome.CHANGED;
        List<Aspect> sameList = same.stream().sorted(byWeight).toList(), unclearList = tested.stream().sorted(byWeight).toList();
        String text = text(outcome, findings, sameList, unclearList, pausesChanged, call, pauses, pausesP,
                unclearInOrder ? pausesInOrderP : Double.NaN, decided);
        return new Decision(List.copyOf(decided), new Verdict(outcome, List.copyOf(findings), sameList, unclearList, pausesP,
                pausesInOrderP, unclearInOrder, text));
    }

    /** Holm's step-down adjustment; NaN entries stay NaN and do not count as tests. */
    public static double[] holm(double[] p) {
        Integer[] order = new Integer[p.length];
        int m = 0;
        for (int i = 0; i < p.length; i++) if (!Double.isNaN(p[i])) order[m++] = i;
        Integer[] tests = Arrays.copyOf(order, m);
        Arrays.sort(tests, Comparator.comparingDouble(i -> p[i]));
        double[] out = new double[p.length];
        Arrays.fill(out, Double.NaN);
        double running = 0;
        for (int k = 0; k < m; k++) {
            running = Math.max(running, Math.min(1, (m - k) * p[tests[k]]));
            out[tests[k]] = running;
        }
        return out;
    }

    private static CostRow call(CostRow r, double adjusted, ComparisonVerdict.Call pauses) {
        Change c;
        if (r.cost().kind() == GcCost.Kind.PERCENTILE) {
            boolean outside = r.ratioLow() > 1 || r.ratioHigh() < 1;
            if (!pauses.changed() || !r.hasInterval()) c = r.hasInterval() || pauses != ComparisonVerdict.Call.TOO_FEW ? Change.NO_CLEAR_CHANGE : Change.NOT_TESTED;
            else if (pauses == ComparisonVerdict.Call.NEGLIGIBLE) c = Change.NEGLIGIBLE;
            else if (!outside) c = Change.NO_CLEAR_CHANGE;
            else c = direction(r);
        } else if (Double.isNaN(adjusted)) {
            c = Change.NOT_TESTED;
        } else if (adjusted >= ComparisonVerdict.FAMILY_ALPHA) {
            c = Change.NO_CLEAR_CHANGE;
        } else {
            c = direction(r);
        }
        return r.withChange(adjusted, c);
    }

    private static Change direction(CostRow r) {
        if (Math.abs(Math.log(r.ratio())) < Math.log(NEGLIGIBLE_RATIO)) return Change.NEGLIGIBLE;
        Boolean higherBetter = r.cost().higherIsBetter();
        if (higherBetter == null) return Change.DIFFERENT;
        return (r.ratio() > 1) == higherBetter ? Change.BETTER : Change.WORSE;
    }

    private static Finding finding(CostRow r) {
        Boolean better = r.change() == Change.DIFFERENT ? null : r.change() == Change.BETTER;
        return new Finding(r.cost().aspect(), r.cost(), r.ratio(), better, score(r.cost().aspect(), r.ratio()), phrase(r));
    }

    /** The typical pause by the Hodges–Lehmann shift, when Mann–Whitney called it and no percentile's interval did. */
    private static Finding shiftFinding(TraceComparison.Result pauses, CostRow median) {
        HodgesLehmann.Shift s = pauses.shift();
        double ratio = median.a() > 0 ? (median.a() + s.estimate()) / median.a() : Double.NaN;
        boolean shorter = s.estimate() < 0;
        String phrase = String.format(Locale.ROOT, "typical pause %s%s (%s ms, 95%% CI %s to %s)", adjective(ratio),
                shorter ? "shorter" : "longer", signed(s.estimate()), signed(s.low()), signed(s.high()));
        return new Finding(Aspect.TYPICAL_PAUSE, null, ratio, shorter, Double.isNaN(ratio) ? 0 : score(Aspect.TYPICAL_PAUSE, ratio), phrase);
    }

    /** Of P99 and P99.9, only the one that scores higher is quoted. */
    private static List<Finding> strongestTail(List<Finding> findings) {
        Finding best = null;
        for (Finding f : findings) if (f.aspect() == Aspect.PAUSE_TAIL && (best == null || f.score() > best.score())) best = f;
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) if (f.aspect() != Aspect.PAUSE_TAIL || f == best) out.add(f);
        return out;
    }

    static String phrase(CostRow r) {
        boolean up = r.ratio() > 1;
        String adj = adjective(r.ratio());
        String figures = figures(r);
        return switch (r.cost()) {
            case STW_P50 -> "typical pause " + adj + (up ? "longer" : "shorter") + " (median " + figures + ")";
            case STW_P90 -> "1-in-10 pause " + adj + (up ? "longer" : "shorter") + " (P90 " + figures + ")";
            case STW_P99 -> "pause tail " + adj + (up ? "longer" : "shorter") + " (P99 " + figures + ")";
            case STW_P999 -> "pause tail " + adj + (up ? "longer" : "shorter") + " (P99.9 " + figures + ")";
            case GC_CPU_CYCLES_PCT -> "GC CPU " + adj + (up ? "higher" : "lower") + " (" + figures + ")";
            case CYCLES_PER_S -> adj + (up ? "more" : "fewer") + " GC cycles per second (" + figures + ")";
            case CYCLES_PER_GB -> adj + (up ? "more" : "fewer") + " GC cycles per GB allocated (" + figures + ")";
            case ALLOC_RATE_MB_S -> "the program allocated " + adj + (up ? "faster" : "slower") + " (" + figures + ")";
            case HEAP_OVERHEAD -> "heap goal " + adj + (up ? "larger" : "smaller") + " for its live heap (goal ÷ live " + figures + ")";
            case HEAP_LIVE_MEAN_MB -> "live heap " + adj + (up ? "larger" : "smaller") + " (mean " + figures + ")";
            default -> r.cost().label() + " " + adj + (up ? "higher" : "lower") + " (" + figures + ")";
        };
    }

    /** "5.52 → 0.34 ms, −94 %" */
    private static String figures(CostRow r) {
        String unit = r.cost().unit().isEmpty() ? "" : (r.cost().unit().equals("%") ? " %" : " " + r.cost().unit());
        return ComparisonVerdict.num(r.a()) + " → " + ComparisonVerdict.num(r.b()) + unit + ", " + percent(r.ratio());
    }

    /** "+18 %", "−93 %" */
    static String percent(double ratio) {
        if (!Double.isFinite(ratio)) return "n/a";
        long pct = Math.round((ratio - 1) * 100);
        return (pct > 0 ? "+" : pct < 0 ? "−" : "±") + Math.abs(pct) + " %";
    }

    /** "slightly ", "", "much " by the size of the change as a factor. */
    static String adjective(double ratio) {
        if (!(ratio > 0) || !Double.isFinite(ratio)) return "";
        double factor = Math.max(ratio, 1 / ratio);
        return factor < SLIGHT_BELOW ? "slightly " : factor >= MUCH_FROM ? "much " : "";
    }

    private static String signed(double v) {
        if (!Double.isFinite(v)) return Double.isNaN(v) ? "n/a" : (v > 0 ? "+∞" : "−∞");
        return (v > 0 ? "+" : v < 0 ? "−" : "") + ComparisonVerdict.num(Math.abs(v));
    }

    private static String text(Outcome outcome, List<Finding> findings, List<Aspect> same, List<Aspect> unclear,
                               boolean pausesChanged, ComparisonVerdict.Call call, TraceComparison.Result pauses, double pausesP,
                               double unclearInOrderP, List<CostRow> rows) {
        if (outcome == Outcome.TOO_FEW) return pauses.verdict();
        List<String> parts = new ArrayList<>();
        for (Finding f : findings) parts.add(f.phrase());
        if (call == ComparisonVerdict.Call.SHAPE && !pausesChanged) {
            parts.add("the pause distribution changed shape, though no percentile's interval says where");
        }
        List<String> sameWords = new ArrayList<>();
        for (Aspect a : same) sameWords.add(words(a));
        if (!sameWords.isEmpty()) parts.add(join(sameWords, "and") + " about the same");
        List<String> unclearWords = new ArrayList<>();
        boolean pausesTested = false;
        for (Aspect a : unclear) {
            if (a == Aspect.PAUSE_TAIL || a == Aspect.UPPER_PAUSES || a == Aspect.TYPICAL_PAUSE) {
                if (pausesChanged || call == ComparisonVerdict.Call.SHAPE || call == ComparisonVerdict.Call.NEGLIGIBLE) {
                    unclearWords.add(words(a));
                } else if (!pausesTested) {
                    pausesTested = true;
                    CostRow p99 = row(rows, GcCost.STW_P99);
                    String why = Double.isNaN(unclearInOrderP) ? "Holm-adjusted p " + p(pausesP)
                            : "Mann–Whitney and KS, which take every cycle as independent, find them different; allowing for"
                            + " neighbouring cycles being alike, the in-order test gives p " + pFine(unclearInOrderP)
                            + ", Holm-adjusted " + p(pausesP);
                    unclearWords.add(String.format(Locale.ROOT, "pauses (%s; P99 %s → %s ms)", why,
                            ComparisonVerdict.num(p99.a()), ComparisonVerdict.num(p99.b())));
                }
            } else {
                unclearWords.add(words(a));
            }
        }
        if (!unclearWords.isEmpty()) parts.add("no clear change in " + join(unclearWords, "or"));
        return String.join("; ", parts);
    }

    private static String words(Aspect a) {
        return switch (a) {
            case PAUSE_TAIL -> "pause tail";
            case UPPER_PAUSES -> "1-in-10 pause";
            case TYPICAL_PAUSE -> "typical pause";
            case GC_CPU -> "GC CPU";
            case HEAP -> "heap";
            case GC_FREQUENCY -> "GC cycles";
            case WORKLOAD -> "allocation rate";
            case MUTATOR_UTILIZATION -> "mutator utilisation";
        };
    }

    private static String join(List<String> words, String conjunction) {
        if (words.size() <= 1) return String.join("", words);
        return String.join(", ", words.subList(0, words.size() - 1)) + " " + conjunction + " " + words.get(words.size() - 1);
    }

    private static CostRow row(List<CostRow> rows, GcCost cost) {
        return rows.stream().filter(r -> r.cost() == cost).findFirst().orElseThrow();
    }

    private static String p(double p) {
        return Double.isNaN(p) ? "n/a" : p < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.2f", p);
    }

    /** As {@link #p}, with a third decimal under 0.01, where "0.01" could be 0.005 or 0.0149. */
    private static String pFine(double p) {
        return p >= 0.001 && p < 0.01 ? String.format(Locale.ROOT, "%.3f", p) : p(p);
    }
}
