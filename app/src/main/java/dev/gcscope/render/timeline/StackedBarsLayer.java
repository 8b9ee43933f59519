package dev.gcscope.render.timeline;

import dev.gcscope.render.Painter;
import dev.gcscope.render.Rgba;
import dev.gcscope.render.plot.LinearScale;
import dev.gcscope.render.plot.MinMaxReducer;
import dev.gcscope.render.plot.PlotArea;
import dev.gcscope.render.plot.StwSeries;
import java.util.List;

/**
 * The bars of a {@link StackedTimelineChart}: per pixel column, the cycle with the largest total
 * among those it covers, stacked from its parts, so however far out the chart is zoomed the tallest
 * bar of every column is drawn and no spike is averaged away. Coloured by part, or by the cycle's
 * regime with the parts as lighter shades of it (the other regimes faint while one is highlighted);
 * forced cycles optionally marked with a hollow diamond on top of their bar.
 *
 * <p>Dense (more cycles than a few per pixel column, {@link TimelineFrame#dense()}), a stacked chart
 * coloured by regime draws the density of its totals instead ({@link QuantileBands}), and forced
 * cycles become a tick per pixel column along the top edge: at a million cycles a diamond per column
 * was a solid orange band over the bars.
 */
public final class StackedBarsLayer implements TimelineLayer {
    /** Opacity of the second and third parts when bars are coloured by regime. */
    private static final double[] PART_OPACITY = {1, 0.55, 0.3, 0.18};
    /** Opacity of the regimes not highlighted, when bars are coloured by regime. */
    public static final double DIMMED_OPACITY = 0.3;
    private static final double DIAMOND_RADIUS = 4.5;
    /** Height of a dense chart's forced-cycle tick along the top edge. */
    static final double FORCED_TICK = 6;

    private final TimelineCycles cycles;
    private final StwSeries layout;
    private final List<TimelineSeries> parts;
    private final double[][] partValues;
    private final double[] total;
    private final boolean byRegime;
    private final boolean markForced;

    private final MinMaxReducer reducer = new MinMaxReducer();
    private final QuantileBands bands = new QuantileBands();
    private boolean[] inHighlight = new boolean[0];
    private boolean[] outOfHighlight = new boolean[0];
    private int maskRegime = Integer.MIN_VALUE;

    /**
     * @param total per row, the sum of its parts (NaN when it has none)
     * @param byRegime colour by regime rather than by part
     * @param markForced mark forced cycles with a diamond
     */
    StackedBarsLayer(TimelineCycles cycles, List<TimelineSeries> parts, double[] total, boolean byRegime,
                     boolean markForced) {
        this.cycles = cycles;
        this.layout = cycles.layout();
        this.parts = parts;
        this.partValues = parts.stream().map(TimelineSeries::values).toArray(double[][]::new);
        this.total = total;
        this.byRegime = byRegime;
        this.markForced = markForced;
    }

    @Override
    public void draw(Painter g, TimelineFrame f) {
        int columns = f.columns();
        double width = Math.round(f.barWidth());
        int h = f.highlightedRegime();
        if (byRegime && f.dense()) {
            bands.draw(g, f, layout.x(), total, null, f.colours().selectionStroke());
            if (markForced) drawForcedTicks(g, f, columns);
            return;
        }
        if (byRegime && h >= 0) {
            updateMasks(h);
            g.setGlobalAlpha(DIMMED_OPACITY);
            drawBars(g, f, outOfHighlight, columns, width);
            g.setGlobalAlpha(1);
            drawBars(g, f, inHighlight, columns, width);
        } else {
            drawBars(g, f, null, columns, width);
        }
        if (markForced) drawForced(g, f, columns);
    }

    private void drawBars(Painter g, TimelineFrame f, boolean[] mask, int columns, double width) {
        PlotArea area = f.area();
        double[] x = layout.x();
        LinearScale xs = area.xScale();
        int[] regimes = cycles.regimeOfRow();
        reducer.reduce(x, total, f.from(), f.to(), mask, xs, area.x(), columns);
        double zero = f.baseline();
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
                double top = f.y(base);
                // However short, the top of every bar shows: at least a pixel.
                if (top > zero - 1) top = zero - 1;
                if (bottom - top <= 0) continue;
                g.setFill(fill(f.colours(), regimes[row], k));
                g.fillRect(left, top, width, bottom - top);
                bottom = top;
                shown++;
            }
            if (shown == 0 && reducer.max(c) >= 0) {
                g.setFill(fill(f.colours(), regimes[row], 0));
                g.fillRect(left, zero - 1, width, 1);
            }
        }
    }

    private void drawForced(Painter g, TimelineFrame f, int columns) {
        PlotArea area = f.area();
        reducer.reduce(layout.x(), total, f.from(), f.to(), layout.forced(), area.xScale(), area.x(), columns);
        g.setStroke(f.colours().forcedStroke());
        g.setLineWidth(1.5);
        for (int c = 0; c < columns; c++) {
            if (reducer.count(c) == 0) continue;
            int row = reducer.maxIndex(c);
            double px = area.xScale().toPixel(layout.x()[row]);
            double py = Math.min(f.y(reducer.max(c)), f.baseline() - 1) - DIAMOND_RADIUS - 1;
            double r = DIAMOND_RADIUS;
            g.strokePolygon(new double[] {px, px + r, px, px - r}, new double[] {py - r, py, py + r, py}, 4);
        }
    }

    /** One tick per pixel column holding a forced cycle, along the top edge. */
    private void drawForcedTicks(Painter g, TimelineFrame f, int columns) {
        PlotArea area = f.area();
        reducer.reduce(layout.x(), total, f.from(), f.to(), layout.forced(), area.xScale(), area.x(), columns);
        g.setFill(f.colours().forcedStroke());
        int most = 0;
        for (int c = 0; c < columns; c++) most = Math.max(most, reducer.count(c));
        // stronger where more cycles of the column were forced: 5,910 forced among a million cycles
        // are in nearly every column, and an even strip would not say where they bunch
        for (int c = 0; c < columns; c++) {
            int n = reducer.count(c);
            if (n == 0) continue;
            g.setGlobalAlpha(FORCED_TICK_MIN_OPACITY + (1 - FORCED_TICK_MIN_OPACITY) * n / most);
            g.fillRect(area.x() + c, area.y(), 1, FORCED_TICK);
        }
        g.setGlobalAlpha(1);
    }

    /** Opacity of the tick of a column with a single forced cycle (the busiest column's is 1). */
    private static final double FORCED_TICK_MIN_OPACITY = 0.3;

    /** Whether this layer draws density bands when dense (a chart coloured by regime), rather than its bars. */
    boolean drawsDensity() {
        return byRegime;
    }

    private Rgba fill(TimelineColours colours, int regime, int part) {
        if (!byRegime) {
            return colours.paletteColour(parts.get(part).colour());
        }
        Rgba base = colours.regimeColour(regime);
        double opacity = PART_OPACITY[Math.min(part, PART_OPACITY.length - 1)];
        if (opacity == 1) return base;
        // A lighter shade of the regime's colour: blended towards the plot background, not transparent,
        // so the dimming of other regimes stays a separate effect.
        return base.interpolate(colours.plotFill(), 1 - opacity);
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
}
