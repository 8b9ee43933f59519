package dev.gcscope.analysis.cycles;

/** {@code alloc_rate_mb_s}: {@code alloc_mb / interval_s}, for the cycles with a positive interval. */
final class AllocationRate {
    private AllocationRate() {}

    static double[] of(double[] allocMb, double[] intervalS) {
        double[] out = new double[allocMb.length];
        for (int i = 0; i < out.length; i++) out[i] = intervalS[i] > 0 ? allocMb[i] / intervalS[i] : Double.NaN;
        return out;
    }
}
