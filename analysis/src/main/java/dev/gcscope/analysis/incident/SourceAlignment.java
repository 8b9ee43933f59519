package dev.gcscope.analysis.incident;

/**
 * How one source's times were put on the incident's clock: {@code reference = source time + offsetS}.
 *
 * @param file the file the source came from
 * @param kind {@link #GCTRACE}, {@link #PERF}, {@link #RUNTIME} or {@link #QUOTA}
 * @param method how the offset was found
 * @param offsetS seconds added to the source's own times
 * @param uncertaintyS how far off the offset may be, in seconds (half the width of what the evidence allows); NaN when unknown
 * @param detail the evidence, in a sentence
 */
public record SourceAlignment(String file, String kind, Method method, double offsetS, double uncertaintyS, String detail) {
    public static final String GCTRACE = "gctrace";
    public static final String PERF = "perf";
    public static final String RUNTIME = "runtime";
    public static final String QUOTA = "quota";

    /** How an offset was found, best first. The ids are {@code diagnose --json}'s {@code method} values. */
    public enum Method {
        /** The source carries the wall clock: log timestamps, JSON {@code wall}, Prometheus timestamps, a cpu.stat log's dates. */
        WALL_CLOCK("wall_clock"),
        /** perf's header ties its clock to the wall clock ({@code perf sched record -k mono}: reference time). */
        PERF_CLOCK_REFERENCE("perf_clock_reference"),
        /** The GC cycles the runtime counted ({@code /gc/cycles/total}) matched to gctrace's gc numbers. */
        GC_CYCLES("gc_cycles"),
        /** Both clocks count from the start of the Go process ({@code @…s} of gctrace, {@code t} of the JSON lines, perf's first switch of the program). */
        PROCESS_START("process_start"),
        /** perf's header's {@code captured on}, the data file's modification time, to the second. */
        CAPTURE_TIME("capture_time"),
        /** Given by the user. */
        USER_OFFSET("user_offset"),
        /** Nothing ties this source to the others: it is laid at the start of the incident, and its events are only a guide. */
        NONE("none");

        private final String id;

        Method(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    public double toReference(double sourceTimeS) {
        return sourceTimeS + offsetS;
    }

    public boolean isAligned() {
        return method != Method.NONE;
    }
}
