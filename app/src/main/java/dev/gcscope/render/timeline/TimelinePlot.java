package dev.gcscope.render.timeline;

import dev.gcscope.render.ChartFont;
import dev.gcscope.render.Painter;
import dev.gcscope.render.TextMetrics;
import dev.gcscope.render.plot.AxisSpec;
import dev.gcscope.render.plot.AxisTicks;
import dev.gcscope.render.plot.NiceTicks;
import dev.gcscope.render.plot.PlotArea;
import dev.gcscope.render.plot.PlotContent;
import dev.gcscope.render.plot.StwSeries;
import dev.gcscope.render.plot.TimeRange;
import dev.gcscope.render.plot.YScale;
import java.util.Arrays;
import java.util.List;

/**
 * What a timeline draws: the cycles in the range shown, in layers (selection band, run separators,
 * highlight band, the series, the selection's edges), on a time axis ({@link TimelineClock}). The
 * series are bars stacked from parts ({@link StackedBarsLayer}) or lines ({@link LineSeriesLayer}),
 * each reduced per pixel column so that any number of cycles costs one column's work per pixel and
 * no extreme is lost.
 *
 * <p>The x axis is framed on the cycles (from the first to the last) and reads as {@link TimeAxis}
 * says; the y axis is linear or logarithmic ({@link YScale}). More cycles in view than
 * {@link #DENSE_ROWS_PER_COLUMN} per pixel column make the drawing {@linkplain #dense() dense}:
 * the layers draw densities (quantile bands, a mean line, forced cycles as ticks) instead of cycles.
 *
 * <p>One plot keeps the arrays its reductions reuse, so it belongs to one chart on screen, redrawn
 * with {@link #view}; an export draws a {@link #copy()}.
 */
public final class TimelinePlot implements PlotContent {
    private enum Kind { STACKED, LINES }

    /** Above this many cycles per pixel column in view, a drawing is dense ("more than a few per pixel"). */
    public static final double DENSE_ROWS_PER_COLUMN = 4;

    private final TimelineKind timelineKind;
    private final TimelineCycles cycles;
    private final StwSeries layout;
    private TimelineClock clock;
    private YScale yScale = YScale.LINEAR;
    private final String yTitle;
    private final Kind kind;
    private final List<TimelineSeries> series;
    /** Stacked: the sum of each row's parts (NaN when it has none). */
    private final double[] total;
    private final boolean byRegime;
    private final boolean markForced;
    private final TimelineLayer seriesLayer;
    private final RunSeparatorLayer runSeparators;
    private final HighlightBandLayer highlightBand;

    private TimeRange shown;
    private TimeRange selection;
    /** The selection the clock counts "since first cycle" from (see {@link TimelineClock#countingFrom}). */
    private TimeRange clockSelection;
    private int highlightedRegime = -1;
    private boolean xTitleShown = true;
    private TimelineColours colours;
    private ChartFont labelFont = ChartFont.labels();

    /** Rows in view during the current drawing, {@code [from, to)}. */
    private int from;
    private int to;
    private boolean spanCrossesDays;
    private boolean dense;

    private TimelinePlot(TimelineKind timelineKind, TimelineCycles cycles, TimelineClock clock, String yTitle, Kind kind,
                         List<TimelineSeries> series, double[] total, boolean byRegime, boolean markForced) {
        this.timelineKind = timelineKind;
        this.cycles = cycles;
        this.layout = cycles.layout();
        this.clock = clock;
        this.yTitle = yTitle;
        this.kind = kind;
        this.series = List.copyOf(series);
        this.total = total;
        this.byRegime = byRegime;
        this.markForced = markForced;
        this.seriesLayer = kind == Kind.STACKED ? new StackedBarsLayer(cycles, this.series, total, byRegime, markForced)
                : new LineSeriesLayer(cycles, this.series);
        this.runSeparators = new RunSeparatorLayer(layout.runStartX());
        this.highlightBand = new HighlightBandLayer(cycles);
        this.shown = fullExtent(layout);
    }

    /**
     * A bar per cycle stacked from {@code parts}; each pixel column shows its tallest bar.
     *
     * @param byRegime coloured by the cycle's regime (palette slot = regime, parts as lighter shades)
     *                 rather than by part; a highlighted regime then dims the others instead of a band
     * @param markForced forced cycles get a hollow diamond on top of their bar
     */
    public static TimelinePlot stacked(TimelineKind kind, TimelineCycles cycles, String yTitle, List<TimelineSeries> parts,
                                       boolean byRegime, boolean markForced) {
        return new TimelinePlot(kind, cycles, new TimelineClock(cycles), yTitle, Kind.STACKED, parts, sum(parts, cycles.size()),
                byRegime, markForced);
    }

    /** Figures per cycle as lines (heap sizes, GC CPU share). */
    public static TimelinePlot lines(TimelineKind kind, TimelineCycles cycles, String yTitle, List<TimelineSeries> series) {
        return new TimelinePlot(kind, cycles, new TimelineClock(cycles), yTitle, Kind.LINES, series, null, false, false);
    }

    /** The same chart over the same data, with its own reused arrays and this plot's view. */
    public TimelinePlot copy() {
        TimelinePlot p = new TimelinePlot(timelineKind, cycles, clock, yTitle, kind, series, total, byRegime, markForced);
        p.scales(clock.axis(), yScale);
        p.view(shown, selection, highlightedRegime, xTitleShown, colours, labelFont);
        return p;
    }

    /**
     * What the next drawing shows.
     *
     * @param shown the x range (null: the whole extent)
     * @param selection the selected time range, shaded; null for none
     * @param highlightedRegime −1 or the regime whose cycles are emphasised
     * @param xTitleShown false for a chart stacked under another over the same time axis
     */
    public TimelinePlot view(TimeRange shown, TimeRange selection, int highlightedRegime, boolean xTitleShown,
                             TimelineColours colours, ChartFont labelFont) {
        this.shown = shown != null ? shown : fullExtent(layout);
        // the clock looks for the selection's first cycle only when the selection changed (a scan of the cycles)
        if (!java.util.Objects.equals(selection, clockSelection)) {
            clock = clock.countingFrom(selection);
            clockSelection = selection;
        }
        this.selection = selection;
        this.highlightedRegime = highlightedRegime;
        this.xTitleShown = xTitleShown;
        this.colours = colours;
        this.labelFont = labelFont;
        return this;
    }

    /**
     * What the axes count and how: the x axis from {@code axis} (process start when the trace has no
     * wall clock and that was asked for), the y axis linear or logarithmic.
     */
    public TimelinePlot scales(TimeAxis axis, YScale yScale) {
        this.clock = clock.withAxis(axis);
        this.yScale = yScale;
        return this;
    }

    public YScale yScale() {
        return yScale;
    }

    /**
     * Whether the last drawing was dense (more cycles in view than {@link #DENSE_ROWS_PER_COLUMN} per
     * pixel column), so drew densities: what a legend describes.
     */
    public boolean dense() {
        return dense;
    }

    /** Whether bars are coloured by their cycle's regime rather than by part. */
    public boolean byRegime() {
        return byRegime;
    }

    /** Whether forced cycles are marked (a diamond on their bar, a tick while dense). */
    public boolean marksForced() {
        return markForced;
    }

    /** Whether this chart draws quantile bands when dense (the pause timeline) rather than its bars. */
    public boolean drawsDensityBands() {
        return seriesLayer instanceof StackedBarsLayer s && s.drawsDensity();
    }

    /** Whether {@code rows} cycles over {@code plotWidth} pixel columns are drawn as densities. */
    public static boolean isDense(int rows, double plotWidth) {
        return rows > DENSE_ROWS_PER_COLUMN * Math.max(1, plotWidth);
    }

    /** The whole extent of the cycles with a little room at each end; null without cycles. */
    public static TimeRange fullExtent(StwSeries s) {
        if (s.isEmpty()) return null;
        double min = s.xMin();
        double max = s.xMax();
        if (!(max > min)) return new TimeRange(min - 0.5, max + 0.5);
        double pad = (max - min) * AxisSpec.EDGE_PADDING;
        return new TimeRange(min - pad, max + pad);
    }

    /** Per row, the sum of the parts it has; NaN when it has none. */
    private static double[] sum(List<TimelineSeries> parts, int n) {
        double[] t = new double[n];
        Arrays.fill(t, Double.NaN);
        for (TimelineSeries part : parts) {
            double[] p = part.values();
            for (int i = 0; i < n; i++) {
                double v = p[i];
                if (!Double.isNaN(v)) t[i] = Double.isNaN(t[i]) ? v : t[i] + v;
            }
        }
        return t;
    }

    /** Which timeline this is, which decides its palette. */
    public TimelineKind kind() {
        return timelineKind;
    }

    /** The colours of the next drawing. */
    public TimelineColours colours() {
        return colours;
    }

    public TimelineCycles cycles() {
        return cycles;
    }

    public TimelineClock clock() {
        return clock;
    }

    public List<TimelineSeries> series() {
        return series;
    }

    /** The stacked height of each row (shared: do not modify); null for lines. */
    public double[] total() {
        return total;
    }

    public String yTitle() {
        return yTitle;
    }

    /** The range the last drawing showed (or the next will). */
    public TimeRange shown() {
        return shown;
    }

    /** The first row in view in the last drawing. */
    public int from() {
        return from;
    }

    /** Past the last row in view in the last drawing. */
    public int to() {
        return to;
    }

    /** Whether a highlighted regime is shown as a band behind its cycles; a chart coloured by regime dims the others instead. */
    private boolean bandsHighlight() {
        return !(kind == Kind.STACKED && byRegime) || dense;
    }

    /** The largest y value rows {@code [from, to)} reach, NaN when none has one. */
    private double yMax(int from, int to) {
        double m = Double.NaN;
        if (kind == Kind.STACKED) {
            for (int i = from; i < to; i++) {
                double v = total[i];
                if (v > m || (Double.isNaN(m) && !Double.isNaN(v))) m = v;
            }
            return m;
        }
        for (TimelineSeries s : series) {
            double[] v = s.values();
            for (int i = from; i < to; i++) {
                if (v[i] > m || (Double.isNaN(m) && !Double.isNaN(v[i]))) m = v[i];
            }
        }
        return m;
    }

    @Override
    public AxisSpec xAxis() {
        TimeRange r = shown;
        if (r == null) return null;
        spanCrossesDays = clock.crossesDays(r.from(), r.to());
        int[] rows = cycles.rowsIn(r);
        from = rows[0];
        to = rows[1];
        return AxisSpec.exact(xTitleShown ? clock.title(r.from(), r.to()) : "", r.from(), r.to());
    }

    /** The smallest positive y value rows {@code [from, to)} reach, NaN when none has one. */
    private double yMinPositive(int from, int to) {
        double m = Double.NaN;
        if (kind == Kind.STACKED) return minPositive(total, from, to, m);
        for (TimelineSeries s : series) m = minPositive(s.values(), from, to, m);
        return m;
    }

    private static double minPositive(double[] v, int from, int to, double m) {
        for (int i = from; i < to; i++) {
            if (v[i] > 0 && !(v[i] >= m)) m = v[i];
        }
        return m;
    }

    @Override
    public AxisSpec yAxis() {
        if (shown == null) return null;
        double max = yMax(from, to);
        if (yScale == YScale.LOG) {
            // whole decades around the positive values, so every decade has its labelled tick
            double lo = yMinPositive(from, to);
            if (Double.isNaN(lo)) return new AxisSpec(yTitle, 0, 1, false, false, false);
            double a = Math.floor(Math.log10(lo) + 1e-9), b = Math.ceil(Math.log10(max) - 1e-9);
            if (b <= a) b = a + 1;
            return new AxisSpec(yTitle, a, b, false, false, false);
        }
        // a line at the maximum must not run along the plot's top edge (a heap goal of exactly 4 MB
        // on an axis ending at 4 was half hidden by it): a little headroom pushes the axis a tick up
        double top = kind == Kind.LINES ? max * LINE_HEADROOM : max;
        return new AxisSpec(yTitle, 0, Double.isNaN(max) || max <= 0 ? 1 : top, false, true);
    }

    /** How far above the highest value a chart of lines reaches at least. */
    private static final double LINE_HEADROOM = 1.03;

    @Override
    public boolean logY() {
        return yScale == YScale.LOG;
    }

    @Override
    public AxisTicks xTicks(AxisSpec spec, int maxTicks) {
        return clock.axisTicks(spec.min(), spec.max(), maxTicks);
    }

    @Override
    public String xTickLabel(AxisTicks ticks, int i) {
        // xTicks above made them: one step (labelled by the clock) or labelled per run
        return ticks instanceof NiceTicks nice ? clock.label(nice, i, spanCrossesDays) : ticks.label(i);
    }

    @Override
    public double xPixelsPerTick(TextMetrics text) {
        return Math.max(70, text.textWidth(clock.widestLabel(spanCrossesDays)) + 24);
    }

    @Override
    public void drawData(Painter g, PlotArea area) {
        dense = isDense(to - from, area.width());
        TimelineFrame frame = new TimelineFrame(area, from, to, selection, highlightedRegime, colours, labelFont,
                yScale == YScale.LOG, dense);
        SelectionBandLayer.UNDER.draw(g, frame);
        runSeparators.draw(g, frame);
        if (bandsHighlight()) highlightBand.draw(g, frame);
        seriesLayer.draw(g, frame);
        SelectionBandLayer.OVER.draw(g, frame);
    }
}
