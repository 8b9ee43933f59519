package dev.gcscope.analysis.stats;

import static dev.gcscope.parsers.gctrace.GcColumns.*;

import dev.gcscope.analysis.work.Work;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * Minimum mutator utilization (Cheng and Blelloch): for a window length w, the smallest share of
 * any w-long window of the run that the program, not the GC, had the CPUs. The timeline comes from
 * the gc lines: utilization is 0 during the stop-the-world phases (sweep termination, mark
 * termination) and, during concurrent mark, 1 − (assist + background mark CPU) / (GOMAXPROCS × mark
 * wall time) — idle-time marking uses CPUs the program was not using, so it costs nothing.
 * Windows never span a restart. Cycles without a start time (Go ≤ 1.4) cannot be placed.
 *
 * <p>The minimum over all window positions is reached with a window edge on a segment edge, so
 * each window length needs one two-pointer sweep over the GC segments.
 */
public final class MutatorUtilization {
    public static final int WINDOWS = 40;
    public static final double MIN_WINDOW_MS = 0.1;

    /** MMU(w) for one window length. */
    public record Point(double windowMs, double mmu) {}

    private MutatorUtilization() {}

    /** The curve with the window lengths swept on {@link Work#parallel()}. */
    public static List<Point> curve(Table cycles) {
        return curve(cycles, Work.parallel());
    }

    /** @throws java.util.concurrent.CancellationException when {@code work} is cancelled meanwhile */
    public static List<Point> curve(Table cycles, Work work) {
        List<double[]> runs = segments(cycles);
        work.checkCancelled();
        double longest = 0;
        for (double[] seg : runs) longest = Math.max(longest, seg.length == 0 ? 0 : seg[seg.length - 2] - seg[0]);
        List<Point> out = new ArrayList<>();
        if (longest <= MIN_WINDOW_MS) return out;
        double ratio = Math.pow(longest / MIN_WINDOW_MS, 1.0 / (WINDOWS - 1));
        double[] windows = new double[WINDOWS];
        double w = MIN_WINDOW_MS;
        for (int i = 0; i < WINDOWS; i++, w *= ratio) windows[i] = w;
        // Each window length is an independent sweep over every segment (three per cycle: seconds on
        // a million cycles), so the lengths are swept in parallel; each sums in the same order as
        // alone, so the curve does not depend on the threads.
        double[] mmu = new double[WINDOWS];
        work.forEach(WINDOWS, i -> {
            double m = Double.NaN;
            for (double[] seg : runs) {
                work.checkCancelled();
                double r = mmu(seg, windows[i]);
                if (!Double.isNaN(r)) m = Double.isNaN(m) ? r : Math.min(m, r);
            }
            mmu[i] = m;
        });
        for (int i = 0; i < WINDOWS; i++) if (!Double.isNaN(mmu[i])) out.add(new Point(windows[i], mmu[i]));
        return out;
    }

    /**
     * MMU at the given window lengths (what {@code compare} sets side by side: 1, 10 and 100 ms);
     * NaN for a window longer than every run.
     */
    public static double[] at(Table cycles, double... windowsMs) {
        List<double[]> runs = segments(cycles);
        double[] out = new double[windowsMs.length];
        for (int i = 0; i < windowsMs.length; i++) {
            double m = Double.NaN;
            for (double[] seg : runs) {
                double r = mmu(seg, windowsMs[i]);
                if (!Double.isNaN(r)) m = Double.isNaN(m) ? r : Math.min(m, r);
            }
            out[i] = m;
        }
        return out;
    }

    /**
     * GC segments of each run as triples (start ms, end ms, lost share) flattened into one array,
     * sorted by start, non-overlapping.
     */
    static List<double[]> segments(Table cycles) {
        CycleSegments columns = new CycleSegments(cycles);
        IntColumn run = cycles.intColumn(RUN);
        List<double[]> out = new ArrayList<>();
        double[] seg = new double[0];
        int n = 0;
        for (int i = 0; i < cycles.rowCount(); i++) {
            if (i > 0 && run.getInt(i) != run.getInt(i - 1)) {
                out.add(java.util.Arrays.copyOf(seg, n));
                n = 0;
            }
            if (n + 9 > seg.length) seg = java.util.Arrays.copyOf(seg, Math.max(48, seg.length * 2));
            n = columns.append(i, seg, n);
        }
        out.add(java.util.Arrays.copyOf(seg, n));
        return out;
    }

    /**
     * The columns a cycle's GC segments are read from; {@link #append} writes one cycle's (sweep
     * termination, concurrent mark, mark termination) after a run's earlier ones. Shared with
     * {@link IncrementalMmu}, which appends a followed log's new cycles the same way.
     */
    static final class CycleSegments {
        private final DoubleColumn start, sweep, mark, term, wb, assist, background;
        private final IntColumn procs;

        CycleSegments(Table cycles) {
            start = cycles.doubleColumn(START_S);
            sweep = cycles.doubleColumn(SWEEP_TERM_MS);
            mark = cycles.doubleColumn(MARK_MS);
            term = cycles.doubleColumn(MARK_TERM_MS);
            wb = cycles.doubleColumn(INSTALL_WB_MS);
            assist = cycles.doubleColumn(ASSIST_CPU_MS);
            background = cycles.doubleColumn(BACKGROUND_CPU_MS);
            procs = cycles.intColumn(PROCS);
        }

        /** Appends row {@code i}'s segments to {@code seg[0, n)} (room for 9 more values); returns the new length. */
        int append(int i, double[] seg, int n) {
            double s = start.getDouble(i) * 1000;
            double st = sweep.getDouble(i), mk = mark.getDouble(i), mt = term.getDouble(i);
            if (Double.isNaN(s) || Double.isNaN(st) || Double.isNaN(mt)) return n;
            if (!Double.isNaN(wb.getDouble(i))) st += wb.getDouble(i); // Go 1.5: the WB install pause follows sweep term
            if (Double.isNaN(mk)) mk = 0;
            double markLost = 0;
            if (mk > 0 && !procs.isMissing(i) && procs.getInt(i) > 0) {
                double cpu = nanToZero(assist.getDouble(i)) + nanToZero(background.getDouble(i));
                markLost = Math.min(1, Math.max(0, cpu / (procs.getInt(i) * mk)));
            }
            // sweep termination, concurrent mark, mark termination
            n = MutatorUtilization.append(seg, n, s, s + st, 1);
            n = MutatorUtilization.append(seg, n, s + st, s + st + mk, markLost);
            return MutatorUtilization.append(seg, n, s + st + mk, s + st + mk + mt, 1);
        }
    }

    /**
     * Appends the segment [from, to) losing {@code share}, clipped to start where the run's previous
     * segment ({@code n > 0}) ends; returns the new length.
     */
    private static int append(double[] seg, int n, double from, double to, double share) {
        if (n > 0) from = Math.max(from, seg[n - 2]);
        if (to <= from || share <= 0) return n;
        seg[n] = from;
        seg[n + 1] = to;
        seg[n + 2] = share;
        return n + 3;
    }

    /**
     * Minimum utilization of w-long windows inside the run, placed with an edge on a segment edge;
     * NaN when the run (first GC to last GC) is shorter than w.
     */
    static double mmu(double[] seg, double w) {
        int m = seg.length / 3;
        if (m == 0 || w > seg[seg.length - 2] - seg[0]) return Double.NaN;
        double worst = Math.max(sweepStarts(seg, m, w), sweepEnds(seg, m, w));
        return 1 - Math.min(1, worst / w);
    }

    private static double sweepStarts(double[] seg, int m, double w) {
        double worst = 0;
        int j = 0; // first segment not entirely inside [t, t + w)
        double full = 0; // lost time of segments i..j-1
        for (int i = 0; i < m; i++) {
            double t = seg[3 * i], end = t + w;
            if (j < i) {
                j = i;
                full = 0;
            }
            while (j < m && seg[3 * j + 1] <= end) {
                full += (seg[3 * j + 1] - seg[3 * j]) * seg[3 * j + 2];
                j++;
            }
            double partial = j < m && seg[3 * j] < end ? (end - seg[3 * j]) * seg[3 * j + 2] : 0;
            worst = Math.max(worst, full + partial);
            if (j > i) full -= (seg[3 * i + 1] - seg[3 * i]) * seg[3 * i + 2];
        }
        return worst;
    }

    private static double sweepEnds(double[] seg, int m, double w) {
        double worst = 0;
        int j = m - 1; // last segment not entirely inside (end - w, end]
        double full = 0;
        for (int i = m - 1; i >= 0; i--) {
            double end = seg[3 * i + 1], t = end - w;
            if (j > i) {
                j = i;
                full = 0;
            }
            while (j >= 0 && seg[3 * j] >= t) {
                full += (seg[3 * j + 1] - seg[3 * j]) * seg[3 * j + 2];
                j--;
            }
            double partial = j >= 0 && seg[3 * j + 1] > t ? (seg[3 * j + 1] - t) * seg[3 * j + 2] : 0;
            worst = Math.max(worst, full + partial);
            if (j < i) full -= (seg[3 * i + 1] - seg[3 * i]) * seg[3 * i + 2];
        }
        return worst;
    }

    private static double nanToZero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }
}
