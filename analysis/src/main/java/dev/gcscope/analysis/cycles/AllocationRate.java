package dev.gcscope.analysis.cycles;

import static dev.gcscope.parsers.gctrace.GcColumns.ALLOC_RATE_MB_S;

import dev.gcscope.parsers.table.Columns;
import java.util.function.IntToDoubleFunction;
import tech.tablesaw.api.DoubleColumn;

/** {@code alloc_rate_mb_s}: {@code alloc_mb / interval_s}, for the cycles with a positive interval. */
final class AllocationRate {
    private AllocationRate() {}

    /**
     * The column: computed on each read from {@code allocMb} and {@code intervalS} when both keep their
     * values packed (as they do when every value is whole thousandths), else stored.
     */
    static DoubleColumn column(DoubleColumn allocMb, DoubleColumn intervalS) {
        IntToDoubleFunction alloc = Columns.unchangingDoubles(allocMb);
        IntToDoubleFunction interval = Columns.unchangingDoubles(intervalS);
        if (alloc != null && interval != null) {
            return Columns.computed(ALLOC_RATE_MB_S, allocMb.size(), i -> of(alloc.applyAsDouble(i), interval.applyAsDouble(i)));
        }
        double[] stored = of(allocMb.asDoubleArray(), intervalS.asDoubleArray());
        return Columns.compactDoubles(ALLOC_RATE_MB_S, stored, stored.length);
    }

    static double[] of(double[] allocMb, double[] intervalS) {
        double[] out = new double[allocMb.length];
        for (int i = 0; i < out.length; i++) out[i] = of(allocMb[i], intervalS[i]);
        return out;
    }

    private static double of(double allocMb, double intervalS) {
        return intervalS > 0 ? allocMb / intervalS : Double.NaN;
    }
}
