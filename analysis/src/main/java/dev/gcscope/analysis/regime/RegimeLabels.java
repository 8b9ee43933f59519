package dev.gcscope.analysis.regime;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The words the field uses for a GC regime, from its typical figures. Thresholds are named so that
 * a reader can argue with them: a service allocating 50 MB/s is calm, 200 MB/s keeps the GC busy;
 * under a third of the heap surviving is mostly garbage, over 80% is a cache. Go prints heaps in
 * whole MB (truncated), so on a live heap of a few MB the survival figure is coarse: 1 MB live of a
 * 3 MB heap reads 33% whether 1.0 or 1.9 MB survived. Such a regime keeps its survival word (the
 * labels are what scripts and legends key on), and its description says the figure is coarse.
 *
 * <p>A label is read from its figure as the description prints it (survival in whole percent, the
 * rate to two significant digits), so the two never disagree at a threshold: a regime described
 * as "~35% of the heap surviving" is moderate, never low, and one allocating "~50 MB/s" is never
 * called low (issue 15: kinds contradicted their own descriptions).
 */
public final class RegimeLabels {
    public static final double LOW_ALLOC_MB_S = 50;
    public static final double HIGH_ALLOC_MB_S = 200;
    public static final double LOW_SURVIVAL = 0.35;
    public static final double HIGH_SURVIVAL = 0.80;
    public static final double SMALL_HEAP_MB = 16;
    /** Below this live heap, whole-MB truncation moves survival by a quarter or more of itself. */
    public static final double COARSE_SURVIVAL_LIVE_MB = 4;
    public static final double LARGE_HEAP_MB = 1024;
    /** The live heap grows (or shrinks) by at least this factor and this many MB across the regime. */
    public static final double HEAP_TREND_FACTOR = 1.5;
    public static final double HEAP_TREND_MB = 8;

    private RegimeLabels() {}

    /** True when survival is read from whole-MB figures of a live heap too small for them. */
    static boolean isSurvivalCoarse(double liveMb) {
        return liveMb < COARSE_SURVIVAL_LIVE_MB;
    }

    /** Survival in whole percent, as the description prints it ("~30%"). */
    static double shownPercent(double survival) {
        return Math.round(survival * 100);
    }

    /** The allocation rate to two significant digits, as the description prints it ("~480 MB/s", "~1.5 GB/s"). */
    static double shownRate(double mbPerS) {
        if (Double.isNaN(mbPerS) || Double.isInfinite(mbPerS) || mbPerS == 0) return mbPerS;
        return new BigDecimal(mbPerS).round(new MathContext(2, RoundingMode.HALF_UP)).doubleValue();
    }

    static List<String> of(double allocMbS, double survival, double liveMb, double firstLiveMb, double lastLiveMb) {
        List<String> out = new ArrayList<>();
        // without timestamps there is no rate to name (NaN)
        if (!Double.isNaN(allocMbS)) {
            double rate = shownRate(allocMbS);
            out.add(rate < LOW_ALLOC_MB_S ? "low_alloc_rate" : rate >= HIGH_ALLOC_MB_S ? "high_alloc_rate" : "moderate_alloc_rate");
        }
        double pct = shownPercent(survival);
        out.add(pct < LOW_SURVIVAL * 100 ? "low_survival" : pct >= HIGH_SURVIVAL * 100 ? "high_survival" : "moderate_survival");
        if (liveMb < SMALL_HEAP_MB) out.add("small_heap");
        if (liveMb >= LARGE_HEAP_MB) out.add("large_heap");
        if (lastLiveMb >= firstLiveMb * HEAP_TREND_FACTOR && lastLiveMb - firstLiveMb >= HEAP_TREND_MB) out.add("growing_heap");
        if (firstLiveMb >= lastLiveMb * HEAP_TREND_FACTOR && firstLiveMb - lastLiveMb >= HEAP_TREND_MB) out.add("shrinking_heap");
        return out;
    }

    /**
     * What each of the regime's words means and the figure it was read from, one line per word, e.g.
     * "low survival: under 35% of the heap survives a cycle (this regime: ~30%, coarse: Go prints whole MB)".
     */
    public static String meaning(Regime r) {
        List<String> lines = new ArrayList<>();
        String rate = Double.isNaN(r.allocRateMbS()) ? "unknown" : "~" + RegimeAnalysis.rate(r.allocRateMbS());
        String surv = String.format(java.util.Locale.ROOT, "~%.0f%%%s", shownPercent(r.survival()),
                isSurvivalCoarse(r.liveHeapMb()) ? ", coarse: Go prints whole MB" : "");
        String live = "~" + RegimeAnalysis.mb(r.liveHeapMb());
        for (String label : r.labels()) {
            String line = switch (label) {
                case "low_alloc_rate" -> "allocating under " + (int) LOW_ALLOC_MB_S + " MB/s (this regime: " + rate + ")";
                case "moderate_alloc_rate" -> "allocating " + (int) LOW_ALLOC_MB_S + "–" + (int) HIGH_ALLOC_MB_S + " MB/s (this regime: " + rate + ")";
                case "high_alloc_rate" -> "allocating " + (int) HIGH_ALLOC_MB_S + " MB/s or more (this regime: " + rate + ")";
                case "low_survival" -> "under " + pct(LOW_SURVIVAL) + " of the heap survives a cycle (this regime: " + surv + ")";
                case "moderate_survival" -> pct(LOW_SURVIVAL) + "–" + pct(HIGH_SURVIVAL) + " of the heap survives a cycle (this regime: " + surv + ")";
                case "high_survival" -> pct(HIGH_SURVIVAL) + " or more of the heap survives a cycle (this regime: " + surv + ")";
                case "small_heap" -> "live heap under " + (int) SMALL_HEAP_MB + " MB (this regime: " + live + ")";
                case "large_heap" -> "live heap of 1 GB or more (this regime: " + live + ")";
                case "growing_heap" -> "live heap grows by half or more, and by " + (int) HEAP_TREND_MB + " MB or more, across the regime";
                case "shrinking_heap" -> "live heap shrinks to two thirds or less, and by " + (int) HEAP_TREND_MB + " MB or more, across the regime";
                default -> null;
            };
            lines.add(label.replace('_', ' ') + (line == null ? "" : ": " + line));
        }
        return String.join("\n", lines);
    }

    private static String pct(double share) {
        return Math.round(share * 100) + "%";
    }
}
