package dev.gcscope.analysis.incident;

/**
 * How long the kernel kept the Go program's threads waiting, from {@code perf sched timehist}, on perf's
 * clock. Each entry is one switch-in of a thread of the program: the time it had been runnable without
 * running before it — the sch delay after a wakeup, and the whole wait after a preemption or a CFS
 * throttle (perf counts those as wait time, not sch delay: with {@code --state} the thread's previous
 * switch-out says R or W; without it, a switch-in with no wakeup before it shows sch delay 0).
 *
 * @param file the file name
 * @param program the comm of the threads, e.g. {@code phases}
 * @param pid the process id chosen (the busiest user process, or the one asked for)
 * @param switchInS when the thread got the CPU, in perf's clock
 * @param delayMs how long it had waited for it
 * @param byState whether the delays were told apart by {@code --state}
 * @param clock what ties perf's clock to others
 */
public record ThreadDelaySource(String file, String program, int pid, double[] switchInS, double[] delayMs, boolean byState,
                                PerfClock clock) {

    /**
     * What ties perf's timestamps to other clocks.
     *
     * @param todS wall-clock time (Unix seconds) read together with {@code referenceS} (perf's {@code -k mono} header), NaN without
     * @param referenceS the recording clock's time read together with {@code todS}
     * @param clockid the recording clock ({@code monotonic}), empty for perf's own
     * @param capturedOnS the header's {@code captured on} (the data file's modification time, to the second), NaN without
     * @param lastSampleS the header's time of the last sample, else the last event of the file
     * @param firstProgramEventS the program's first switch: close to its start when perf started it
     */
    public record PerfClock(double todS, double referenceS, String clockid, double capturedOnS, double lastSampleS,
                            double firstProgramEventS) {
        public boolean hasReference() {
            return !Double.isNaN(todS) && !Double.isNaN(referenceS);
        }
    }

    public int size() {
        return switchInS.length;
    }
}
