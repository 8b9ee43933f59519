package dev.gcscope.cli;

import dev.gcscope.export.GcTraceCharts;
import dev.gcscope.export.SchedCharts;
import java.util.ArrayList;
import java.util.List;
import dev.gcscope.render.plot.YScale;
import dev.gcscope.render.theme.ChartTheme;
import dev.gcscope.render.timeline.TimeAxis;
import picocli.CommandLine.Option;

/** How {@code export --png/--svg} draws its chart: which one, how large, in which theme. */
final class ChartOptions {
    static final int MIN_PX = 200;
    static final int MAX_PX = 8000;

    @Option(names = "--chart", paramLabel = "ID",
            description = "The chart to write with --png or --svg, by the id of its view: pause-timeline, heap-timeline,"
                    + " gc-cpu-timeline, stw-histogram, convergence, regime-scatter, mmu (gctrace);"
                    + " sched-timehist-delays (perf sched timehist); sched-metrics-histogram, sched-metrics-over-time"
                    + " (runtime/metrics with several snapshots).")
    String chart;

    @Option(names = "--width", paramLabel = "PX", defaultValue = "1000",
            description = "The chart's width in pixels, as laid out (default: ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", paramLabel = "PX",
            description = "The chart's height in pixels (default: half the width).")
    Integer height;

    @Option(names = "--scale", paramLabel = "N", defaultValue = "1",
            description = "PNG pixels per chart pixel: 1, 2 or 3 (a sharper image of the same layout; default: ${DEFAULT-VALUE}).")
    int scale;

    @Option(names = "--theme", paramLabel = "THEME", defaultValue = "light",
            description = "light or dark, the window's two themes (default: ${DEFAULT-VALUE}).")
    String theme;

    @Option(names = "--print", description = "A white background and the light theme's colours, for paper.")
    boolean print;

    @Option(names = "--y-scale", paramLabel = "SCALE", defaultValue = "linear",
            description = "linear or log: the value axis of a timeline or of the STW histogram, as the window's y choice (default: ${DEFAULT-VALUE}).")
    String yScale;

    @Option(names = "--time-axis", paramLabel = "AXIS", defaultValue = "wall-clock",
            description = "what a timeline's time axis counts from: since-first-cycle, since-process-start or wall-clock "
                    + "(process start when the log lines carry no time; default: ${DEFAULT-VALUE}).")
    String timeAxis;

    /** Why these options cannot draw a chart, or null when they can. */
    String problem() {
        if (chart == null) return "--png and --svg need --chart ID (one of " + String.join(", ", ids()) + ")";
        if (!ids().contains(chart)) return "unknown chart '" + chart + "' for --chart; the charts are " + String.join(", ", ids());
        if (width < MIN_PX || width > MAX_PX) return "--width must be between " + MIN_PX + " and " + MAX_PX + " pixels, not " + width;
        if (height != null && (height < MIN_PX / 2 || height > MAX_PX)) {
            return "--height must be between " + MIN_PX / 2 + " and " + MAX_PX + " pixels, not " + height;
        }
        if (scale < 1 || scale > 3) return "--scale must be 1, 2 or 3, not " + scale;
        if (!theme.equals("light") && !theme.equals("dark")) return "--theme must be light or dark, not '" + theme + "'";
        if (YScale.fromKey(yScale, null) == null) return "--y-scale must be linear or log, not '" + yScale + "'";
        if (TimeAxis.fromKey(timeAxis, null) == null) {
            return "--time-axis must be since-first-cycle, since-process-start or wall-clock, not '" + timeAxis + "'";
        }
        return null;
    }

    /** Every chart id of every format. */
    static List<String> ids() {
        List<String> all = new ArrayList<>(GcTraceCharts.IDS);
        all.addAll(SchedCharts.IDS);
        return all;
    }

    int heightPx() {
        return height != null ? height : width / 2;
    }

    YScale yScale() {
        return YScale.fromKey(yScale, YScale.LINEAR);
    }

    TimeAxis timeAxis() {
        return TimeAxis.fromKey(timeAxis, TimeAxis.WALL_CLOCK);
    }

    ChartTheme chartTheme() {
        return print ? ChartTheme.LIGHT : ChartTheme.of(theme);
    }
}
