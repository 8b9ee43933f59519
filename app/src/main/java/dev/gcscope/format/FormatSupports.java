package dev.gcscope.format;

import dev.gcscope.parsers.TraceFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The registry of {@link FormatSupport} entries, one per family of formats. A format without an
 * entry still gets what every format has (the common summary keys, its main table as CSV, a window
 * with its input figures); adding a family means one entry class and one line in {@link #standard()}.
 */
public final class FormatSupports {
    private final List<FormatSupport> entries;

    public FormatSupports(List<FormatSupport> entries) {
        Set<TraceFormat> seen = new HashSet<>();
        for (FormatSupport e : entries) {
            for (TraceFormat f : e.formats()) {
                if (!seen.add(f)) throw new IllegalArgumentException("two support entries for format " + f.id());
            }
        }
        this.entries = List.copyOf(entries);
    }

    /** Every family gcscope reads (the same families as {@code TraceParsers.standard()}). */
    public static FormatSupports standard() {
        return new FormatSupports(List.of(
                new GcTraceSupport(),
                // perf sched (dev.gcscope.parsers.perfsched)
                new SchedLatencySupport(),
                new TimehistSupport(),
                // runtime/metrics (dev.gcscope.parsers.metrics): prometheus, metrics-json
                new MetricsSupport(),
                // cgroup CPU bandwidth (dev.gcscope.parsers.cgroup): cpu.stat sampled over time
                new CpuStatSupport()));
    }

    public List<FormatSupport> all() {
        return entries;
    }

    /** The entry covering {@code format}, or empty for a format without one. */
    public Optional<FormatSupport> forFormat(TraceFormat format) {
        return entries.stream().filter(e -> e.covers(format)).findFirst();
    }

}
