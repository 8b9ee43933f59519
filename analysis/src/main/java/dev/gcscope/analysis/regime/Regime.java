package dev.gcscope.analysis.regime;

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
 * @param allocRateMbS typical (median) allocation rate
 * @param survival typical survival, live ÷ end heap
 * @param liveHeapMb typical live heap
 * @param stwP50Ms its own pause median
 * @param stwP99Ms its own 99th-percentile pause
 */
public record Regime(int id, List<String> labels, String description, int cycles, double shareOfCycles,
                     double shareOfTime, double allocRateMbS, double survival, double liveHeapMb,
                     double stwP50Ms, double stwP99Ms) {

    /** The labels as one word list, e.g. {@code high_alloc_rate,low_survival,small_heap}. */
    public String label() {
        return String.join(",", labels);
    }
}
