package dev.gcscope.render.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * What the STW chart plots: one point per GC cycle, x = when the cycle started, y = its
 * stop-the-world pause. Built once per load, off the UI thread; immutable afterwards.
 *
 * <p>Runs (the gc number restarting, i.e. the process restarted and appended to the same file) are
 * laid end to end on one time axis with a gap of {@link #RUN_GAP_FRACTION} of the total span
 * between them, each run starting at its own process start; {@link #runStartX()} says where each
 * run after the first begins, for the separators the chart draws. When any cycle lacks a start time
 * (Go 1.4 and older print none) x is the cycle's position in the file instead.
 *
 * <p>Built from plain arrays: the charts know no trace format; {@code render.timeline.GcTraceSeries}
 * reads them from a gctrace's cycles table.
 */
public final class StwSeries {
    /** Gap between runs, as a fraction of the summed length of all runs. */
    public static final double RUN_GAP_FRACTION = 0.02;

    /** What x means. */
    public enum XKind {
        /** Seconds since the start of the (first) process run. */
        SECONDS,
        /** 1-based position of the cycle in the file. */
        CYCLE_INDEX
    }

    private final double[] x;
    private final double[] stwMs;
    private final boolean[] forced;
    private final int[] run;
    private final int[] gc;
    private final double[] startS;
    private final double[] runStartX;
    private final XKind xKind;
    private final boolean xSorted;
    private final double yMax;

    private StwSeries(double[] startS, double[] stwMs, boolean[] forced, int[] run, int[] gc) {
        int n = stwMs.length;
        if (startS.length != n || forced.length != n || run.length != n || gc.length != n) {
            throw new IllegalArgumentException("columns differ in length");
        }
        this.stwMs = stwMs;
        this.forced = forced;
        this.run = run;
        this.gc = gc;
        this.startS = startS;
        this.x = new double[n];
        boolean allTimed = n > 0;
        for (double s : startS) {
            if (Double.isNaN(s)) {
                allTimed = false;
                break;
            }
        }
        this.xKind = allTimed ? XKind.SECONDS : XKind.CYCLE_INDEX;
        this.runStartX = allTimed ? layOutRuns() : numberCycles();
        boolean sorted = true;
        for (int i = 1; i < n && sorted; i++) sorted = x[i] >= x[i - 1];
        this.xSorted = sorted;
        double ym = Double.NaN;
        for (double v : stwMs) {
            if (!Double.isNaN(v) && (Double.isNaN(ym) || v > ym)) ym = v;
        }
        this.yMax = ym;
    }

    /**
     * The arrays are kept, not copied.
     *
     * @param startS seconds since process start, NaN when unknown
     * @param stwMs pause in ms, NaN when unknown
     * @param run 1-based run number per cycle, non-decreasing
     */
    public static StwSeries of(double[] startS, double[] stwMs, boolean[] forced, int[] run, int[] gc) {
        return new StwSeries(startS, stwMs, forced, run, gc);
    }

    public static StwSeries empty() {
        return new StwSeries(new double[0], new double[0], new boolean[0], new int[0], new int[0]);
    }

    private double[] layOutRuns() {
        int n = x.length;
        double total = 0;
        for (int i = 0; i < n; i++) {
            if (i + 1 == n || run[i + 1] != run[i]) total += Math.max(startS[i], 0);
        }
        double gap = total > 0 ? total * RUN_GAP_FRACTION : 1;
        List<Double> starts = new ArrayList<>();
        double offset = 0;
        double runEnd = 0;
        for (int i = 0; i < n; i++) {
            if (i > 0 && run[i] != run[i - 1]) {
                offset = runEnd + gap;
                starts.add(offset);
            }
            x[i] = offset + startS[i];
            runEnd = Math.max(runEnd, x[i]);
        }
        return starts.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private double[] numberCycles() {
        List<Double> starts = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            x[i] = i + 1;
            if (i > 0 && run[i] != run[i - 1]) starts.add(i + 0.5);
        }
        return starts.stream().mapToDouble(Double::doubleValue).toArray();
    }

    public int size() {
        return x.length;
    }

    public boolean isEmpty() {
        return x.length == 0;
    }

    /** Plot x per cycle (see {@link #xKind()}). Shared, do not modify. */
    public double[] x() {
        return x;
    }

    /** Pause per cycle in ms, NaN when the line did not say. Shared, do not modify. */
    public double[] stwMs() {
        return stwMs;
    }

    /** Which cycles were forced. Shared, do not modify. */
    public boolean[] forced() {
        return forced;
    }

    public XKind xKind() {
        return xKind;
    }

    /** True when x never decreases, so lookups by x can binary-search. */
    public boolean xSorted() {
        return xSorted;
    }

    /** Where runs 2, 3, … begin on the x axis. */
    public double[] runStartX() {
        return runStartX.clone();
    }

    public int runCount() {
        return x.length == 0 ? 0 : runStartX.length + 1;
    }

    /**
     * The first cycle's x: an axis framed on the data starts here, not at process start, so an
     * excerpt from late in a process fills the chart (issue 15).
     */
    public double xMin() {
        return x.length == 0 ? Double.NaN : (xKind == XKind.SECONDS ? min(x) : 1);
    }

    public double xMax() {
        return x.length == 0 ? Double.NaN : max(x);
    }

    /** The longest pause, NaN when no cycle has one. */
    public double yMax() {
        return yMax;
    }

    public int run(int i) {
        return run[i];
    }

    public int gc(int i) {
        return gc[i];
    }

    /** Seconds since its own run's process start, NaN when unknown. */
    public double startS(int i) {
        return startS[i];
    }

    private static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double d : v) m = Math.min(m, d);
        return m;
    }

    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double d : v) m = Math.max(m, d);
        return m;
    }
}
