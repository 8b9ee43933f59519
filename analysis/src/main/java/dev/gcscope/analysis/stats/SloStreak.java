package dev.gcscope.analysis.stats;

/**
 * The field's pause SLO in the form people quote it ("no pause over 400 µs in 100 consecutive
 * GCs"): the longest run of consecutive cycles whose pause stayed under the threshold, and the
 * share of cycles above it.
 *
 * @param thresholdMs the SLO
 * @param longestStreak most consecutive cycles under the threshold
 * @param streakStartIndex index (into the values) of the first cycle of that streak, -1 if none
 * @param cyclesAbove cycles at or over the threshold
 * @param shareAbove cyclesAbove / cycles with a known pause
 */
public record SloStreak(double thresholdMs, int longestStreak, int streakStartIndex, int cyclesAbove, double shareAbove) {
    /** 400 µs: the threshold the Go team and users most often state for GC pauses. */
    public static final double DEFAULT_THRESHOLD_MS = 0.4;

    /** @param stwMsInOrder pauses in cycle order; NaN (unknown) breaks no streak and counts nowhere */
    public static SloStreak of(double[] stwMsInOrder, double thresholdMs) {
        int best = 0, bestStart = -1, run = 0, runStart = -1, above = 0, known = 0;
        for (int i = 0; i < stwMsInOrder.length; i++) {
            double v = stwMsInOrder[i];
            if (Double.isNaN(v)) continue;
            known++;
            if (v < thresholdMs) {
                if (run == 0) runStart = i;
                run++;
                if (run > best) {
                    best = run;
                    bestStart = runStart;
                }
            } else {
                above++;
                run = 0;
            }
        }
        return new SloStreak(thresholdMs, best, bestStart, above, known == 0 ? Double.NaN : (double) above / known);
    }
}
