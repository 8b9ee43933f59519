package dev.gcscope.analysis.stats;

import static dev.gcscope.parsers.gctrace.GcColumns.RUN;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * The MMU curve of a log that keeps growing (a followed log), updated from the cycles appended since
 * the last update instead of swept again over every cycle (on a million cycles, 2–8 s a sweep).
 *
 * <p>Window lengths lie on a fixed grid, {@value #PER_DECADE} a decade from
 * {@value MutatorUtilization#MIN_WINDOW_MS} ms up to the longest run ({@link #windows}), so a window
 * length's worst window found once stays its worst: {@link MutatorUtilization#curve} spreads 40
 * lengths over the trace's own span, which moves with every cycle appended.
 *
 * <p><b>Why it is exact.</b> Per run and window length w this keeps the largest GC time of any
 * w-long window inside the run that ends by the end E of the run's segments at the last update. After
 * new segments (all starting at or after E: a run's segments never overlap) the only new windows are
 * those ending after E. The loss of the window starting at t, L(t + w) − L(t) with L the GC time
 * before a moment, is piecewise linear in t; its maximum lies where the window ends on a segment's
 * end or starts on a segment's start (the sweeps of {@link MutatorUtilization} rely on the same),
 * or at the run's edges, which are such points. So the new windows to look at are those ending on a
 * new segment's end and those starting on a segment start in (E − w, E' − w]: a stretch as long as
 * the time appended, not w. L is read from prefix sums of the segments' GC time, each with a cursor
 * that only moves forward. Windows reaching past a run's ends, which the sweeps also visit, lose no
 * more than the window at that end, so leaving them out changes no maximum. The result is the
 * maximum over the same windows as {@link MutatorUtilization#at}; the two sum the same GC time in a
 * different order, so they agree to the rounding of those sums (below 1e-9 of utilization on the
 * bundled recordings; IncrementalMmuTest checks it), not to the last bit.
 *
 * <p>Not thread-safe: one follow updates it, one update at a time.
 */
public final class IncrementalMmu {
    public static final int PER_DECADE = 10;

    private final List<Run> runs = new ArrayList<>();
    private int rowsSeen;
    private int lastRunId = Integer.MIN_VALUE;

    /**
     * The window lengths (ms) of the fixed grid up to {@code longestMs}: 0.1 ms × 10^(k/10). Computed
     * from k each time, never by repeated multiplication, so a length is the same whatever the span.
     */
    public static double[] windows(double longestMs) {
        List<Double> out = new ArrayList<>();
        for (int k = 0; ; k++) {
            double w = window(k);
            if (w > longestMs) break;
            out.add(w);
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static double window(int k) {
        return MutatorUtilization.MIN_WINDOW_MS * Math.pow(10, (double) k / PER_DECADE);
    }

    /**
     * Takes in the rows of {@code cycles} after those seen by the last call ({@code cycles} is the
     * same log with rows appended; earlier rows are never read again) and returns the curve so far.
     */
    public List<MutatorUtilization.Point> update(Table cycles) {
        int n = cycles.rowCount();
        if (n < rowsSeen) throw new IllegalArgumentException("the log lost rows: " + n + " < " + rowsSeen);
        MutatorUtilization.CycleSegments columns = new MutatorUtilization.CycleSegments(cycles);
        IntColumn run = cycles.intColumn(RUN);
        for (int i = rowsSeen; i < n; i++) {
            int id = run.getInt(i);
            if (runs.isEmpty() || id != lastRunId) runs.add(new Run());
            lastRunId = id;
            runs.get(runs.size() - 1).add(columns, i);
        }
        rowsSeen = n;
        double longest = 0;
        for (Run r : runs) {
            r.extend();
            longest = Math.max(longest, r.length());
        }
        double[] windows = windows(longest);
        List<MutatorUtilization.Point> out = new ArrayList<>();
        for (int k = 0; k < windows.length; k++) {
            double worst = Double.NaN;
            for (Run r : runs) {
                double loss = r.worst(k);
                if (!Double.isNaN(loss)) worst = Double.isNaN(worst) ? loss : Math.max(worst, loss);
            }
            if (!Double.isNaN(worst)) out.add(new MutatorUtilization.Point(windows[k], 1 - Math.min(1, worst / windows[k])));
        }
        return List.copyOf(out);
    }

    /** One run's segments, their prefix sums, and per window length the worst loss up to {@code covered}. */
    private static final class Run {
        double[] seg = new double[48];
        int n; // values in seg (3 per segment)
        double[] prefix = new double[17]; // prefix[j]: GC time of segments 0..j-1
        int summed; // segments with a prefix sum
        int seen; // segments the worst losses cover
        double[] worst = new double[0]; // per window length k; NaN: the run was shorter than it
        double covered; // E: the end of the segments the worst losses cover

        void add(MutatorUtilization.CycleSegments columns, int row) {
            if (n + 9 > seg.length) seg = Arrays.copyOf(seg, seg.length * 2);
            n = columns.append(row, seg, n);
        }

        double length() {
            return n == 0 ? 0 : seg[n - 2] - seg[0];
        }

        /** Brings the prefix sums and every window length's worst loss up to the segments added. */
        void extend() {
            int m = n / 3;
            if (m == seen) return;
            if (prefix.length < m + 1) prefix = Arrays.copyOf(prefix, Math.max(m + 1, prefix.length * 2));
            for (int j = summed; j < m; j++) prefix[j + 1] = prefix[j] + (seg[3 * j + 1] - seg[3 * j]) * seg[3 * j + 2];
            summed = m;
            double length = length();
            int count = windows(length).length;
            int before = worst.length;
            if (count > before) {
                worst = Arrays.copyOf(worst, count);
                Arrays.fill(worst, before, count, Double.NaN);
            }
            for (int k = 0; k < count; k++) {
                // a window length the run has just grown past has no windows yet: all are new
                boolean fresh = Double.isNaN(worst[k]);
                double w = window(k);
                double loss = newWindows(w, fresh ? 0 : seen, fresh ? seg[0] : covered, m);
                worst[k] = fresh ? loss : Math.max(worst[k], loss);
            }
            seen = m;
            covered = seg[n - 2];
        }

        /**
         * The largest loss of a w-long window inside [seg start, end of segment m − 1] that ends
         * after {@code from} (segments {@code firstNew}.. end after it).
         */
        private double newWindows(double w, int firstNew, double from, int m) {
            double start = seg[0], end = seg[3 * m - 2];
            double best = 0;
            // windows ending on a new segment's end
            int cursor = -1;
            for (int j = firstNew; j < m; j++) {
                double e = seg[3 * j + 1], t = e - w;
                if (t < start) continue;
                // the first lookup searches, the later ones step forward from it
                cursor = seek(cursor < 0 ? Math.max(0, firstAtOrAfter(t, m) - 1) : cursor, t, m);
                best = Math.max(best, prefix[j + 1] - lossBefore(cursor, t));
            }
            // windows starting on a segment start in (from − w, end − w]
            int j = firstAtOrAfter(from - w, m);
            cursor = j;
            for (; j < m && seg[3 * j] + w <= end; j++) {
                double t = seg[3 * j];
                if (t + w <= from) continue;
                cursor = seek(Math.max(cursor, j), t + w, m);
                best = Math.max(best, lossBefore(cursor, t + w) - prefix[j]);
            }
            return best;
        }

        /** The last segment, from {@code cursor} on, that starts at or before x (x at or after seg[0]). */
        private int seek(int cursor, double x, int m) {
            while (cursor + 1 < m && seg[3 * (cursor + 1)] <= x) cursor++;
            return cursor;
        }

        /** GC time before x, where segment {@code j} is the last to start at or before x. */
        private double lossBefore(int j, double x) {
            double from = seg[3 * j], to = seg[3 * j + 1];
            return prefix[j] + (Math.min(x, to) - from) * seg[3 * j + 2];
        }

        /** The first segment starting after x (binary search over the starts). */
        private int firstAtOrAfter(double x, int m) {
            int lo = 0, hi = m;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (seg[3 * mid] <= x) lo = mid + 1; else hi = mid;
            }
            return lo;
        }

        double worst(int k) {
            return k < worst.length ? worst[k] : Double.NaN;
        }
    }
}
