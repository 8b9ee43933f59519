package dev.gcscope.render.distribution;

import dev.gcscope.analysis.stats.LogHistogram;
import java.util.function.BooleanSupplier;
import tech.tablesaw.api.DoubleColumn;

/**
 * The highlighted regime's pauses of a selection, counted in the selection's histogram bins, so
 * they can be drawn over the bars of all pauses. One pass over the selection's rows (a binary
 * search per pause of the regime): cheap for a small selection, a background task for a large one.
 *
 * @param regime the regime counted
 * @param counts pauses per bin of the histogram they were counted in
 * @param zeroCount pauses of 0 ms, in no bin
 */
public record RegimePauseCounts(int regime, long[] counts, long zeroCount) {

    /**
     * @param stw the STW column of the cycles table
     * @param regimeOfRow the regime of each row (−1 for forced GCs and noise, which no regime owns)
     * @param cancelled polled every few thousand rows; when it says stop, the counts so far are returned
     */
    public static RegimePauseCounts of(DoubleColumn stw, int[] regimeOfRow, int fromRow, int toRow, int regime,
                                       LogHistogram bins, BooleanSupplier cancelled) {
        long[] counts = new long[bins.bins()];
        long zeros = 0;
        for (int i = fromRow; i < toRow; i++) {
            if ((i & 0xFFF) == 0 && cancelled.getAsBoolean()) break;
            if (regimeOfRow[i] != regime) continue;
            double v = stw.getDouble(i);
            if (Double.isNaN(v)) continue;
            if (v <= 0) {
                zeros++;
                continue;
            }
            int b = bins.binOf(v);
            if (b >= 0) counts[b]++;
        }
        return new RegimePauseCounts(regime, counts, zeros);
    }

    /** Pauses in the bins. */
    public long total() {
        long t = 0;
        for (long c : counts) t += c;
        return t;
    }
}
