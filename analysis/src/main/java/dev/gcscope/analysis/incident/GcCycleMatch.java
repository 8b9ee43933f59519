package dev.gcscope.analysis.incident;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The offset between a gctrace file and a runtime/metrics file of the same process, from the GC cycles
 * both count. A snapshot taken at {@code t} (metrics clock) whose {@code /gc/cycles/total} is {@code C}
 * came after the end of cycle {@code C} and before the end of cycle {@code C+1}, which gctrace dates on
 * its clock; so the offset δ (metrics time = gctrace time + δ) lies in
 * {@code [t − end(C+1), t − end(C)]}. The offsets every snapshot allows are intersected; when a few
 * disagree (a snapshot read while the counter moved) the offset most snapshots allow is taken.
 *
 * @param offsetS δ, the middle of the offsets the agreeing snapshots allow
 * @param uncertaintyS half the width of those offsets
 * @param snapshots snapshots that bounded the offset
 * @param agreeing how many of them allow {@code offsetS}
 */
public record GcCycleMatch(double offsetS, double uncertaintyS, int snapshots, int agreeing) {
    /** Below this share of agreeing snapshots the cycles do not match: another process, or another run. */
    static final double MIN_AGREEING = 0.8;
    /** Half of the millisecond gctrace gives its {@code @} time in. */
    static final double GCTRACE_RESOLUTION_S = 0.0005;

    public static Optional<GcCycleMatch> of(GcCycleSource gc, RuntimeSource runtime) {
        List<double[]> bounds = new ArrayList<>();
        for (int j = 0; j < runtime.size(); j++) {
            double c = runtime.gcCycles()[j], t = runtime.timeS()[j];
            if (Double.isNaN(c) || Double.isNaN(t)) continue;
            int done = gc.indexOf((int) c), next = gc.indexOf((int) c + 1);
            if (done < 0 && next < 0) continue;
            double lo = next < 0 ? Double.NEGATIVE_INFINITY : t - gc.endS()[next];
            double hi = done < 0 ? Double.POSITIVE_INFINITY : t - gc.endS()[done];
            if (lo > hi) continue;
            bounds.add(new double[] {lo, hi});
        }
        if (bounds.size() < 2) return Optional.empty();
        // Sweep the interval ends for the offset most snapshots allow.
        List<double[]> events = new ArrayList<>();
        for (double[] b : bounds) {
            events.add(new double[] {b[0], +1});
            events.add(new double[] {b[1], -1});
        }
        events.sort((x, y) -> x[0] != y[0] ? Double.compare(x[0], y[0]) : Double.compare(y[1], x[1]));
        int depth = 0, best = 0;
        double at = Double.NaN;
        for (double[] e : events) {
            depth += (int) e[1];
            if (depth > best) {
                best = depth;
                at = e[0];
            }
        }
        double lo = Double.NEGATIVE_INFINITY, hi = Double.POSITIVE_INFINITY;
        for (double[] b : bounds) {
            if (b[0] <= at && at <= b[1]) {
                lo = Math.max(lo, b[0]);
                hi = Math.min(hi, b[1]);
            }
        }
        if (best < MIN_AGREEING * bounds.size() || !Double.isFinite(lo) || !Double.isFinite(hi)) return Optional.empty();
        // gctrace prints @ to the ms and the clock phases to two or three digits: no offset is known closer than that
        return Optional.of(new GcCycleMatch((lo + hi) / 2, Math.max(GCTRACE_RESOLUTION_S, (hi - lo) / 2), bounds.size(), best));
    }
}
