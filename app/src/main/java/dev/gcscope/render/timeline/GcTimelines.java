package dev.gcscope.render.timeline;

import static dev.gcscope.parsers.gctrace.GcColumns.ASSIST_CPU_MS;
import static dev.gcscope.parsers.gctrace.GcColumns.BACKGROUND_CPU_MS;
import static dev.gcscope.parsers.gctrace.GcColumns.GC_CPU_PCT;
import static dev.gcscope.parsers.gctrace.GcColumns.GLOBALS_MB;
import static dev.gcscope.parsers.gctrace.GcColumns.HEAP_END_MB;
import static dev.gcscope.parsers.gctrace.GcColumns.HEAP_GOAL_MB;
import static dev.gcscope.parsers.gctrace.GcColumns.HEAP_LIVE_MB;
import static dev.gcscope.parsers.gctrace.GcColumns.HEAP_START_MB;
import static dev.gcscope.parsers.gctrace.GcColumns.IDLE_CPU_MS;
import static dev.gcscope.parsers.gctrace.GcColumns.INSTALL_WB_MS;
import static dev.gcscope.parsers.gctrace.GcColumns.MARK_TERM_MS;
import static dev.gcscope.parsers.gctrace.GcColumns.STACKS_MB;
import static dev.gcscope.parsers.gctrace.GcColumns.STW_MS;
import static dev.gcscope.parsers.gctrace.GcColumns.SWEEP_TERM_MS;

import java.util.ArrayList;
import java.util.List;

/**
 * The gctrace timelines, as the window's views and the exports draw them: the pause timeline (STW per
 * cycle stacked by phase, coloured by regime, forced GCs marked), the heap timeline, and the GC CPU
 * timeline (mark CPU stacked by kind, over the GC CPU share).
 */
public final class GcTimelines {
    public static final String PAUSE_TITLE = "stop-the-world pause (ms)";
    public static final String HEAP_TITLE = "heap (MB)";
    public static final String CPU_TITLE = "mark CPU time (ms)";
    /** Go's gctrace "N%": the share of CPU time spent in GC since the process started (short: it titles a 110 px chart). */
    public static final String CPU_SHARE_TITLE = "GC CPU share (%)";

    private GcTimelines() {}

    /** The pause parts in stacking order: what each cycle's stop-the-world time consisted of. */
    public static List<TimelineSeries> pauseParts(TimelineCycles cycles) {
        List<TimelineSeries> parts = new ArrayList<>();
        // Go 1.5 alone prints a third stop-the-world phase, installing the write barrier.
        if (cycles.has(SWEEP_TERM_MS)) parts.add(new TimelineSeries("sweep term", "ms", cycles.column(SWEEP_TERM_MS), 0));
        if (cycles.has(INSTALL_WB_MS)) parts.add(new TimelineSeries("install wb", "ms", cycles.column(INSTALL_WB_MS), 1));
        if (cycles.has(MARK_TERM_MS)) parts.add(new TimelineSeries("mark term", "ms", cycles.column(MARK_TERM_MS), 2));
        double[] unsplit = unsplitPauses(cycles, parts);
        if (unsplit != null) parts.add(new TimelineSeries("STW", "ms", unsplit, 3));
        return parts;
    }

    /** Pauses of cycles whose line gives no phases (Go 1.4 and older), or null when there are none. */
    private static double[] unsplitPauses(TimelineCycles cycles, List<TimelineSeries> parts) {
        double[] stw = cycles.column(STW_MS);
        if (stw == null) return null;
        double[] out = new double[stw.length];
        boolean any = false;
        for (int i = 0; i < stw.length; i++) {
            boolean split = false;
            for (TimelineSeries p : parts) split |= !Double.isNaN(p.values()[i]);
            out[i] = split ? Double.NaN : stw[i];
            any |= !split && !Double.isNaN(stw[i]);
        }
        return any ? out : null;
    }

    public static List<TimelineSeries> heapSeries(TimelineCycles cycles) {
        List<TimelineSeries> series = new ArrayList<>();
        add(series, cycles, HEAP_START_MB, "heap start", 0, false);
        add(series, cycles, HEAP_END_MB, "heap end", 1, false);
        add(series, cycles, HEAP_LIVE_MB, "live heap", 2, false);
        add(series, cycles, HEAP_GOAL_MB, "heap goal", 3, true);
        add(series, cycles, STACKS_MB, "stacks", 4, false);
        add(series, cycles, GLOBALS_MB, "globals", 5, false);
        return series;
    }

    public static List<TimelineSeries> cpuParts(TimelineCycles cycles) {
        List<TimelineSeries> parts = new ArrayList<>();
        if (cycles.has(ASSIST_CPU_MS)) parts.add(new TimelineSeries("assist", "ms", cycles.column(ASSIST_CPU_MS), 0));
        if (cycles.has(BACKGROUND_CPU_MS)) parts.add(new TimelineSeries("background", "ms", cycles.column(BACKGROUND_CPU_MS), 1));
        if (cycles.has(IDLE_CPU_MS)) parts.add(new TimelineSeries("idle", "ms", cycles.column(IDLE_CPU_MS), 2));
        return parts;
    }

    public static List<TimelineSeries> cpuShareSeries(TimelineCycles cycles) {
        List<TimelineSeries> series = new ArrayList<>();
        add(series, cycles, GC_CPU_PCT, "GC CPU share", 0, false);
        return series;
    }

    public static TimelinePlot pause(TimelineCycles cycles) {
        return TimelinePlot.stacked(TimelineKind.PAUSE, cycles, PAUSE_TITLE, pauseParts(cycles), true, true);
    }

    public static TimelinePlot heap(TimelineCycles cycles) {
        return TimelinePlot.lines(TimelineKind.HEAP, cycles, HEAP_TITLE, heapSeries(cycles));
    }

    public static TimelinePlot cpu(TimelineCycles cycles) {
        return TimelinePlot.stacked(TimelineKind.CPU, cycles, CPU_TITLE, cpuParts(cycles), false, false);
    }

    public static TimelinePlot cpuShare(TimelineCycles cycles) {
        return TimelinePlot.lines(TimelineKind.CPU_SHARE, cycles, CPU_SHARE_TITLE, cpuShareSeries(cycles));
    }

    private static void add(List<TimelineSeries> out, TimelineCycles cycles, String column, String label, int colour,
                            boolean dashed) {
        if (cycles.has(column)) out.add(new TimelineSeries(label, column.endsWith("_pct") ? "%" : "MB",
                cycles.column(column), colour, dashed));
    }
}
