package dev.gcscope.export;

import dev.gcscope.analysis.CycleRangeAnalysis;
import dev.gcscope.analysis.GcTraceAnalysis;
import dev.gcscope.analysis.regime.RegimeAnalysis;
import dev.gcscope.analysis.regime.RegimeScatterPoints;
import dev.gcscope.analysis.stats.SloStreak;
import dev.gcscope.analysis.work.Work;
import dev.gcscope.render.ChartFont;
import dev.gcscope.render.distribution.ConvergencePlot;
import dev.gcscope.render.distribution.PauseHistogram;
import dev.gcscope.render.distribution.StwHistogramPlot;
import dev.gcscope.render.mmu.MmuPlot;
import dev.gcscope.render.plot.ChartDrawing;
import dev.gcscope.render.plot.FrameStyle;
import dev.gcscope.render.plot.FramedChart;
import dev.gcscope.render.plot.PlotContent;
import dev.gcscope.render.plot.StackedCharts;
import dev.gcscope.render.plot.StwSeries;
import dev.gcscope.render.plot.TimeRange;
import dev.gcscope.render.regimes.RegimeScatterPlot;
import dev.gcscope.render.regimes.ScatterData;
import dev.gcscope.render.theme.ChartTheme;
import dev.gcscope.render.plot.YScale;
import dev.gcscope.render.timeline.GcTimelines;
import dev.gcscope.render.timeline.TimeAxis;
import dev.gcscope.render.timeline.GcTraceSeries;
import dev.gcscope.render.timeline.TimelineCycles;
import dev.gcscope.render.timeline.TimelineKind;
import dev.gcscope.render.timeline.TimelineLegend;
import dev.gcscope.render.timeline.TimelinePlot;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * The charts of a gctrace as the window draws them, without the window: the same layout of the
 * cycles on the time axis, the same regimes (k-means, the window's) and the same statistics of the
 * whole trace, handed to the same renderers with a {@link ChartTheme}'s colours. What
 * {@code gcscope export --chart} and the reports draw; the window exports what its charts show instead.
 */
public final class GcTraceCharts {
    /** The ids of the charts, as the window's views are named ({@code --view=ID}). */
    public static final List<String> IDS = List.of("pause-timeline", "heap-timeline", "gc-cpu-timeline", "stw-histogram",
            "convergence", "regime-scatter", "mmu");
    /** The GC CPU view's two charts share its height as their preferred heights do on screen (320 and 170 px). */
    private static final List<Double> CPU_SHARES = List.of(320.0, 170.0);

    /** What a timeline without cycles says, as on screen. */
    private static final String TIMELINE_PLACEHOLDER = "No data";

    private final Table cycles;
    private final GcTraceAnalysis analysis;
    private final StwSeries layout;
    private final CycleRangeAnalysis stats;
    /** The selected time range the timelines shade, null for the whole trace. */
    private final TimeRange selection;
    private TimelineCycles timelineCycles;
    private ScatterData scatter;
    private TimeAxis timeAxis = TimeAxis.WALL_CLOCK;
    private YScale yScale = YScale.LINEAR;

    private GcTraceCharts(Table cycles, GcTraceAnalysis analysis, StwSeries layout, CycleRangeAnalysis stats, TimeRange selection) {
        this.cycles = cycles;
        this.analysis = analysis;
        this.layout = layout;
        this.stats = stats;
        this.selection = selection;
    }

    /** Lays out and analyses {@code cycles} (a gctrace cycles table), its parts in parallel, as loading a file in the window does. */
    public static GcTraceCharts of(Table cycles) {
        return of(cycles, null, 0, cycles.rowCount(), Work.parallel());
    }

    /**
     * The charts of a selection, as the window shows them once a time range is selected: the
     * timelines over the whole trace with the range shaded, the other charts of its cycles only.
     *
     * @param selection the selected range in the timelines' seconds, or null for the whole trace
     * @param fromRow first cycle of the selection
     * @param toRow end of the selection's cycles (exclusive)
     * @param work where the analysis' independent parts run
     */
    public static GcTraceCharts of(Table cycles, TimeRange selection, int fromRow, int toRow, Work work) {
        GcTraceAnalysis analysis = GcTraceAnalysis.of(cycles, RegimeAnalysis.Method.KMEANS, work);
        StwSeries layout = GcTraceSeries.of(cycles);
        CycleRangeAnalysis stats = CycleRangeAnalysis.of(cycles, analysis.regimes().regimeOfRow(), fromRow, toRow,
                SloStreak.DEFAULT_THRESHOLD_MS, work);
        return new GcTraceCharts(cycles, analysis, layout, stats, selection);
    }

    /**
     * What the timelines' time axis counts from and how value axes are scaled (the timelines' and the
     * STW histogram's; the GC CPU share stays a linear percentage), as the window's choices.
     */
    public GcTraceCharts scales(TimeAxis timeAxis, YScale yScale) {
        this.timeAxis = timeAxis;
        this.yScale = yScale;
        return this;
    }

    /** True for an id of {@link #IDS}. */
    public static boolean has(String id) {
        return IDS.contains(id);
    }

    /**
     * Chart {@code id} in {@code theme}'s colours with the window's label font, the timelines under
     * their legend (the window shows it in the view's header, which a picture leaves behind).
     *
     * @throws IllegalArgumentException for an id not in {@link #IDS}
     */
    public ChartDrawing chart(String id, ChartTheme theme) {
        ChartDrawing plot = plotOnly(id, theme);
        List<TimelinePlot> timelines = timelinePlots(plot);
        if (timelines.isEmpty()) return plot;
        return TimelineLegend.over(plot, timelines, ChartFont.labels(), theme.frame().textFill(), ChartTheme.PADDING.left());
    }

    /**
     * Chart {@code id} as the window's chart draws it inside its canvas: without the legend, which
     * the window shows in the view's header.
     *
     * @throws IllegalArgumentException for an id not in {@link #IDS}
     */
    public ChartDrawing plotOnly(String id, ChartTheme theme) {
        ChartFont font = ChartFont.labels();
        FrameStyle style = new FrameStyle(theme.frame(), font, ChartTheme.PADDING, 0);
        return switch (id) {
            case "pause-timeline" -> timeline(GcTimelines.pause(timelineCycles()), TimelineKind.PAUSE, true, theme, style);
            case "heap-timeline" -> timeline(GcTimelines.heap(timelineCycles()), TimelineKind.HEAP, true, theme, style);
            case "gc-cpu-timeline" -> new StackedCharts(List.of(
                    timeline(GcTimelines.cpu(timelineCycles()), TimelineKind.CPU, true, theme, style),
                    timeline(GcTimelines.cpuShare(timelineCycles()), TimelineKind.CPU_SHARE, false, theme, style)), CPU_SHARES);
            case "stw-histogram" -> framed(new StwHistogramPlot(PauseHistogram.of(stats), null, theme.stwHistogram(),
                    theme.frame().textFill(), font, yScale == YScale.LOG), style, StwHistogramPlot.PLACEHOLDER);
            case "convergence" -> framed(new ConvergencePlot(stats.convergence(), SloStreak.DEFAULT_THRESHOLD_MS, "", null,
                    theme.convergence(), theme.frame(), font), style, ConvergencePlot.PLACEHOLDER);
            case "regime-scatter" -> framed(new RegimeScatterPlot(scatter(), -1, theme.regimeScatter(), theme.frame(), font),
                    style, RegimeScatterPlot.PLACEHOLDER);
            case "mmu" -> framed(new MmuPlot(stats.mmu(), theme.mmu()), style, MmuPlot.PLACEHOLDER);
            default -> throw new IllegalArgumentException("no chart '" + id + "'; the charts are " + String.join(", ", IDS));
        };
    }

    /** The timeline plots {@code chart} draws, top to bottom (none for the other charts). */
    private static List<TimelinePlot> timelinePlots(ChartDrawing chart) {
        List<FramedChart> parts = chart instanceof StackedCharts s ? s.parts()
                : chart instanceof FramedChart f ? List.of(f) : List.of();
        return parts.stream().map(FramedChart::content).filter(TimelinePlot.class::isInstance).map(TimelinePlot.class::cast).toList();
    }

    private FramedChart timeline(TimelinePlot plot, TimelineKind kind, boolean xTitle, ChartTheme theme, FrameStyle style) {
        plot.scales(timeAxis, kind == TimelineKind.CPU_SHARE ? YScale.LINEAR : yScale)
                .view(null, selection, -1, xTitle, theme.timeline(kind), style.font());
        return new FramedChart(plot, style, TIMELINE_PLACEHOLDER);
    }

    private static FramedChart framed(PlotContent content, FrameStyle style, String placeholder) {
        return new FramedChart(content, style, placeholder);
    }

    private synchronized TimelineCycles timelineCycles() {
        if (timelineCycles == null) timelineCycles = TimelineCycles.of(cycles, layout, analysis.regimes());
        return timelineCycles;
    }

    private synchronized ScatterData scatter() {
        if (scatter == null) {
            scatter = ScatterData.of(RegimeScatterPoints.of(cycles), analysis.regimes().regimeOfRow(), analysis.regimes().regimes(),
                    stats.fromRow(), stats.toRow());
        }
        return scatter;
    }

    /** The statistics the charts show (of the selection, or of the whole trace). */
    public CycleRangeAnalysis statistics() {
        return stats;
    }
}
