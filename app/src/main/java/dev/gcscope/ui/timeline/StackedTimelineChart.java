package dev.gcscope.ui.timeline;

import dev.gcscope.ui.chart.ChartCss;
import dev.gcscope.ui.chart.LinearScale;
import dev.gcscope.ui.chart.MinMaxReducer;
import dev.gcscope.ui.chart.PlotArea;
import java.util.List;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * A bar per cycle, stacked from its parts (the phases of a pause, the kinds of GC CPU time). Each
 * pixel column shows the cycle with the largest total among those it covers, so however far out
 * the chart is zoomed the tallest bar of every column is drawn and no spike is averaged away.
 *
 * <p>Coloured either by part (palette slot {@link TimelineSeries#colour()}) or by the cycle's regime
 * (palette slot = regime id, parts as lighter shades of it, {@code -chart-unassigned-fill} for
 * cycles in no regime); when a regime is highlighted the others are drawn faint. Forced cycles can
 * be marked with a hollow diamond ({@code -chart-forced-stroke}) on top of their bar.
 */
public final class StackedTimelineChart extends TimelineChart {
    /** Opacity of the second and third parts when bars are coloured by regime. */
    private static final double[] PART_OPACITY = {1, 0.55, 0.3, 0.18};
    static final double DIMMED_OPACITY = 0.3;
    private static final double DIAMOND_RADIUS = 4.5;

    private static final CssMetaData<StackedTimelineChart, Paint> UNASSIGNED_FILL =
            ChartCss.paint("-chart-unassigned-fill", c -> c.unassignedFill, Color.GRAY);
    private static final CssMetaData<StackedTimelineChart, Paint> FORCED_STROKE =
            ChartCss.paint("-chart-forced-stroke", c -> c.forcedStroke, Color.ORANGERED);
    private static final List<CssMetaData<? extends Styleable, ?>> CSS_META_DATA = ChartCss.extend(
            TimelineChart.getClassCssMetaData(), List.of(UNASSIGNED_FILL, FORCED_STROKE));

    private final StyleableObjectProperty<Paint> unassignedFill =
            ChartCss.paintProperty(UNASSIGNED_FILL, this, "unassignedFill", this::invalidate);
    private final StyleableObjectProperty<Paint> forcedStroke =
            ChartCss.paintProperty(FORCED_STROKE, this, "forcedStroke", this::invalidate);

    private final String yTitle;
    private final List<TimelineSeries> parts;
    private final double[][] partValues;
    private final double[] total;
    private final String totalLabel;
    private final boolean byRegime;
    private final boolean markForced;

    private final MinMaxReducer reducer = new MinMaxReducer();
    private boolean[] inHighlight = new boolean[0];
    private boolean[] outOfHighlight = new boolean[0];
    private int maskRegime = Integer.MIN_VALUE;

    /**
     * @param totalLabel the readout's name for the sum of the parts, or null to leave it out
     * @param byRegime colour by regime rather than by part
     * @param markForced mark forced cycles with a diamond
     */
    public StackedTimelineChart(TimelineCycles cycles, String yTitle, List<TimelineSeries> parts, String totalLabel,
                                boolean byRegime, boolean markForced) {
        super(cycles);
        this.yTitle = yTitle;
        this.parts = List.copyOf(parts);
        this.totalLabel = totalLabel;
        this.byRegime = byRegime;
        this.markForced = markForced;
        this.partValues = this.parts.stream().map(TimelineSeries::values).toArray(double[][]::new);
        this.total = sum(partValues, cycles.size());
        getStyleClass().add("stacked-timeline-chart");
    }

    /** Per row, the sum of the parts it has; NaN when it has none. */
    private static double[] sum(double[][] parts, int n) {
        double[] t = new double[n];
        java.util.Arrays.fill(t, Double.NaN);
        for (double[] p : parts) {
            for (int i = 0; i < n; i++) {
                double v = p[i];
                if (!Double.isNaN(v)) t[i] = Double.isNaN(t[i]) ? v : t[i] + v;
            }
        }
        return t;
    }

    public List<TimelineSeries> parts() {
        return parts;
    }

    /** The stacked height of each row (shared: do not modify). */
    public double[] total() {
        return total;
    }

    @Override
    protected String yTitle() {
        return yTitle;
    }

    @Override
    protected double yMax(int from, int to) {
        double m = Double.NaN;
        for (int i = from; i < to; i++) {
            double v = total[i];
            if (v > m || (Double.isNaN(m) && !Double.isNaN(v))) m = v;
        }
        return m;
    }

    @Override
    protected double pickY(int i, double pointerY) {
        return total[i];
    }

    /** Coloured by regime, the chart dims the other regimes instead; coloured by part, it bands. */
    @Override
    protected boolean bandsHighlight() {
        return !byRegime;
    }

    @Override
    protected void describeValues(StringBuilder b, int i) {
        for (TimelineSeries p : parts) {
            if (!Double.isNaN(p.values()[i])) figure(b, p.label(), p.values()[i], p.unit());
        }
        if (totalLabel != null && !parts.isEmpty()) figure(b, totalLabel, total[i], parts.get(0).unit());
    }

    @Override
    protected void drawRows(GraphicsContext g, PlotArea area, int from, int to) {
        int columns = (int) Math.ceil(area.width());
        double width = Math.round(barWidth(area, from, to));
        int h = highlightedRegimeProperty().get();
        if (byRegime && h >= 0) {
            updateMasks(h);
            g.setGlobalAlpha(DIMMED_OPACITY);
            drawBars(g, area, from, to, outOfHighlight, columns, width);
            g.setGlobalAlpha(1);
            drawBars(g, area, from, to, inHighlight, columns, width);
        } else {
            drawBars(g, area, from, to, null, columns, width);
        }
        if (markForced) drawForced(g, area, from, to, columns);
    }

    private void drawBars(GraphicsContext g, PlotArea area, int from, int to, boolean[] mask, int columns, double width) {
        double[] x = layout.x();
        LinearScale xs = area.xScale();
        LinearScale ys = area.yScale();
        int[] regimes = cycles.regimeOfRow();
        reducer.reduce(x, total, from, to, mask, xs, area.x(), columns);
        double zero = ys.toPixel(0);
        for (int c = 0; c < columns; c++) {
            if (reducer.count(c) == 0) continue;
            int row = reducer.maxIndex(c);
            // Whole pixels: a one-pixel bar straddling two would be drawn at half strength in each.
            double left = Math.floor(width <= 1 ? area.x() + c + 0.5 : xs.toPixel(x[row]) - width / 2 + 0.5);
            double base = 0;
            double bottom = zero;
            int shown = 0;
            for (int k = 0; k < partValues.length; k++) {
                double v = partValues[k][row];
                if (Double.isNaN(v) || v <= 0) continue;
                base += v;
                double top = ys.toPixel(base);
                // However short, the top of every bar shows: at least a pixel.
                if (top > zero - 1) top = zero - 1;
                if (bottom - top <= 0) continue;
                g.setFill(fill(regimes[row], k));
                g.fillRect(left, top, width, bottom - top);
                bottom = top;
                shown++;
            }
            if (shown == 0 && reducer.max(c) >= 0) {
                g.setFill(fill(regimes[row], 0));
                g.fillRect(left, zero - 1, width, 1);
            }
        }
    }

    private void drawForced(GraphicsContext g, PlotArea area, int from, int to, int columns) {
        reducer.reduce(layout.x(), total, from, to, layout.forced(), area.xScale(), area.x(), columns);
        g.setStroke(forcedStroke.get());
        g.setLineWidth(1.5);
        LinearScale ys = area.yScale();
        for (int c = 0; c < columns; c++) {
            if (reducer.count(c) == 0) continue;
            int row = reducer.maxIndex(c);
            double px = area.xScale().toPixel(layout.x()[row]);
            double py = Math.min(ys.toPixel(reducer.max(c)), ys.toPixel(0) - 1) - DIAMOND_RADIUS - 1;
            double r = DIAMOND_RADIUS;
            g.strokePolygon(new double[] {px, px + r, px, px - r}, new double[] {py - r, py, py + r, py}, 4);
        }
    }

    private Paint fill(int regime, int part) {
        if (!byRegime) {
            return paletteColour(parts.get(part).colour());
        }
        Paint base = regimeColour(regime);
        double opacity = PART_OPACITY[Math.min(part, PART_OPACITY.length - 1)];
        if (opacity == 1 || !(base instanceof Color c)) return base;
        // A lighter shade of the regime's colour: blended towards the plot background, not transparent,
        // so the dimming of other regimes stays a separate effect.
        Paint bg = plotFill();
        Color back = bg instanceof Color b ? b : Color.WHITE;
        return c.interpolate(back, 1 - opacity);
    }

    /** The colour of a regime's bars: the palette's entry (cycling past its end), or the unassigned fill. */
    public Paint regimeColour(int regime) {
        return regime < 0 ? unassignedFill.get() : paletteColour(regime);
    }

    public Paint forcedStroke() {
        return forcedStroke.get();
    }

    private void updateMasks(int regime) {
        int n = cycles.size();
        if (maskRegime == regime && inHighlight.length == n) return;
        int[] r = cycles.regimeOfRow();
        inHighlight = new boolean[n];
        outOfHighlight = new boolean[n];
        for (int i = 0; i < n; i++) {
            inHighlight[i] = r[i] == regime;
            outOfHighlight[i] = r[i] != regime;
        }
        maskRegime = regime;
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS_META_DATA;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return getClassCssMetaData();
    }
}
