package dev.gcscope.analysis.compare;

/**
 * Every GC cost {@code compare} sets side by side, in the order the table lists them, with what kind
 * of figure each is — which decides whether it gets an interval, and how.
 *
 * <p>The keys are public contract ({@code compare --json} writes them under {@code costs}): only ever
 * added to, never renamed.
 */
public enum GcCost {
    STW_P50("stw_p50_ms", "stw p50", "ms", Kind.PERCENTILE, Aspect.TYPICAL_PAUSE),
    STW_P90("stw_p90_ms", "stw p90", "ms", Kind.PERCENTILE, Aspect.UPPER_PAUSES),
    STW_P99("stw_p99_ms", "stw p99", "ms", Kind.PERCENTILE, Aspect.PAUSE_TAIL),
    STW_P999("stw_p999_ms", "stw p99.9", "ms", Kind.PERCENTILE, Aspect.PAUSE_TAIL),
    STW_MAX("stw_max_ms", "stw max", "ms", Kind.EXTREME, Aspect.PAUSE_TAIL),
    /** Go's own figure, as {@code summary} gives it. */
    GC_CPU_PCT("gc_cpu_pct", "gc cpu (Go)", "%", Kind.REPORTED, Aspect.GC_CPU),
    /** The same share from the cycles' CPU times, which carry enough digits for an interval. */
    GC_CPU_CYCLES_PCT("gc_cpu_cycles_pct", "gc cpu (cycles)", "%", Kind.RATIO_OF_SUMS, Aspect.GC_CPU),
    CYCLES_PER_S("cycles_per_s", "cycles per s", "", Kind.RATIO_OF_SUMS, Aspect.GC_FREQUENCY),
    CYCLES_PER_GB("cycles_per_gb", "cycles per GB", "", Kind.RATIO_OF_SUMS, Aspect.GC_FREQUENCY),
    ALLOC_RATE_MB_S("alloc_rate_mb_s", "alloc rate", "MB/s", Kind.RATIO_OF_SUMS, Aspect.WORKLOAD),
    HEAP_PEAK_MB("heap_peak_mb", "heap peak", "MB", Kind.EXTREME, Aspect.HEAP),
    HEAP_OVERHEAD("heap_overhead", "heap goal/live", "", Kind.RATIO_OF_SUMS, Aspect.HEAP),
    HEAP_LIVE_MEAN_MB("heap_live_mean_mb", "live heap mean", "MB", Kind.RATIO_OF_SUMS, Aspect.HEAP),
    HEAP_LIVE_P99_MB("heap_live_p99_mb", "live heap p99", "MB", Kind.DESCRIPTIVE, Aspect.HEAP),
    MMU_1MS("mmu_1ms", "mmu 1 ms", "", Kind.EXTREME, Aspect.MUTATOR_UTILIZATION),
    MMU_10MS("mmu_10ms", "mmu 10 ms", "", Kind.EXTREME, Aspect.MUTATOR_UTILIZATION),
    MMU_100MS("mmu_100ms", "mmu 100 ms", "", Kind.EXTREME, Aspect.MUTATOR_UTILIZATION),
    FORCED("forced", "forced GCs", "", Kind.COUNT, Aspect.GC_FREQUENCY);

    /** What sort of figure a cost is, and so what interval it can have. */
    public enum Kind {
        /** A percentile of the pauses: order-statistic interval ({@code PercentileInterval}). */
        PERCENTILE(null),
        /** A sum over cycles divided by another: batch-means interval ({@code RatioOfSums}). */
        RATIO_OF_SUMS(null),
        EXTREME("not a statistic: an extreme of this one run (the largest pause or heap, the worst window) has no interval"),
        COUNT("not a statistic: a count the program decides (runtime.GC() calls, the 2-minute periodic GC)"),
        REPORTED("not a statistic: Go's own running share since program start, printed in whole percent"
                + " (gc_cpu_cycles_pct is the same share with an interval)"),
        DESCRIPTIVE("not a statistic: the live heap follows the program from cycle to cycle, so its percentile"
                + " describes this run; an order-statistic interval would assume independent cycles");

        private final String whyNoInterval;

        Kind(String whyNoInterval) {
            this.whyNoInterval = whyNoInterval;
        }

        public boolean isStatistic() {
            return whyNoInterval == null;
        }

        /** Why such a cost has no interval; null for the kinds that have one. */
        public String whyNoInterval() {
            return whyNoInterval;
        }
    }

    /** What a user reads a change of the cost as; the verdict ranks and words changes by it ({@link VerdictRanking}). */
    public enum Aspect {
        PAUSE_TAIL, UPPER_PAUSES, TYPICAL_PAUSE, GC_CPU, HEAP, GC_FREQUENCY, WORKLOAD, MUTATOR_UTILIZATION
    }

    private final String key;
    private final String label;
    private final String unit;
    private final Kind kind;
    private final Aspect aspect;

    GcCost(String key, String label, String unit, Kind kind, Aspect aspect) {
        this.key = key;
        this.label = label;
        this.unit = unit;
        this.kind = kind;
        this.aspect = aspect;
    }

    /** The {@code --json} key, with its unit. */
    public String key() {
        return key;
    }

    /** The text table's row label. */
    public String label() {
        return label;
    }

    /** "ms", "MB", "%", "MB/s", or empty for a plain number. */
    public String unit() {
        return unit;
    }

    public Kind kind() {
        return kind;
    }

    public Aspect aspect() {
        return aspect;
    }

    /**
     * Whether more of it is better for the program: true for mutator utilisation, false for every
     * cost; null for the allocation rate, which is the workload's, not the GC's.
     */
    public Boolean higherIsBetter() {
        return aspect == Aspect.MUTATOR_UTILIZATION ? Boolean.TRUE : aspect == Aspect.WORKLOAD ? null : Boolean.FALSE;
    }

    /** The pause percentile (50, 90, 99, 99.9) of a {@link Kind#PERCENTILE} cost; NaN for the others. */
    public double percentile() {
        return switch (this) {
            case STW_P50 -> 50;
            case STW_P90 -> 90;
            case STW_P99 -> 99;
            case STW_P999 -> 99.9;
            default -> Double.NaN;
        };
    }
}
