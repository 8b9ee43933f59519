package dev.gcscope.analysis.regime;

import dev.gcscope.analysis.stats.PercentileInterval;
import java.util.List;

/**
 * One GC regime: the cycles that share an allocation rate, survival and heap size.
 *
 * @param id 0, 1, … in order of first appearance
 * @param labels the field's words for it, e.g. {@code [high_alloc_rate, low_survival, small_heap]}
 * @param description its figures in a sentence, e.g. "allocating ~1.4 GB/s, ~5% of the heap surviving, 4 MB live heap"
 * @param cycles cycles in it
 * @param shareOfCycles of all cycles in the trace (forced ones included)
 * @param shareOfTime of the time between cycles the trace covers
 * @param survival typical survival, live ÷ end heap
 * @param liveHeapMb typical live heap
 * @param allocRateMbS typical (median) allocation rate; NaN when its cycles' timestamps did not advance
 * @param stwP50Ms its own pause median
 * @param stwP99Ms its own 99th-percentile pause
 * @param stwP50 the median with its 95% interval ({@link PercentileInterval}: open where the regime has
 *               too few cycles for a bound)
 * @param stwP99 likewise for the 99th percentile
 */
public record Regime(int id, List<String> labels, String description, int cycles, double shareOfCycles,
                     double shareOfTime, double allocRateMbS, double survival, double liveHeapMb,
                     double stwP50Ms, double stwP99Ms, PercentileInterval.Estimate stwP50, PercentileInterval.Estimate stwP99) {

    /** The labels as one word list, e.g. {@code high_alloc_rate,low_survival,small_heap}. */
    public String label() {
        return String.join(",", labels);
    }
}
