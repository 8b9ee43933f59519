package dev.gcscope.analysis.incident;

/**
 * The GC cycles of a gctrace file (its last run), on the program's clock: seconds since the Go
 * process started, as the {@code @…s} field gives them.
 *
 * @param file the file name
 * @param gc Go's gc number of each cycle
 * @param startS cycle start, seconds since process start
 * @param endS start plus the clock phases: when the runtime printed the line and counted the cycle
 * @param sweepTermMs the first stop-the-world pause (at the start)
 * @param markTermMs the second (at the end)
 * @param stwMs both (Go 1.5's extra phase and pre-1.5 whole-cycle pauses included)
 * @param gcCpuMs CPU the cycle's marking took: assists plus dedicated and fractional workers (idle workers left out: they use idle CPU)
 * @param assistCpuMs the part of it mutator goroutines did as assists
 * @param procs GOMAXPROCS at the cycle
 * @param wallEndS the line's log timestamp in Unix seconds (UTC), NaN without one
 * @param runs process runs in the file (only the last is kept)
 */
public record GcCycleSource(String file, int[] gc, double[] startS, double[] endS, double[] sweepTermMs, double[] markTermMs,
                            double[] stwMs, double[] gcCpuMs, double[] assistCpuMs, double[] procs, double[] wallEndS, int runs) {

    public int size() {
        return gc.length;
    }

    /** Whether the log lines carried timestamps. */
    public boolean hasWallClock() {
        for (double w : wallEndS) if (!Double.isNaN(w)) return true;
        return false;
    }

    /** The index of the cycle with gc number {@code n}, or -1. */
    public int indexOf(int n) {
        int lo = 0, hi = gc.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (gc[mid] < n) lo = mid + 1; else if (gc[mid] > n) hi = mid - 1; else return mid;
        }
        return -1;
    }
}
