package dev.gcscope.render.chart;

import static dev.gcscope.render.plot.Pixels.snap;

import dev.gcscope.render.Painter;
import dev.gcscope.render.Rgba;
import dev.gcscope.render.plot.AxisSpec;
import dev.gcscope.render.plot.AxisTicks;
import dev.gcscope.render.plot.HoverPoint;
import dev.gcscope.render.plot.LinearScale;
import dev.gcscope.render.plot.MinMaxReducer;
import dev.gcscope.render.plot.PlotArea;
import dev.gcscope.render.plot.PlotContent;
import dev.gcscope.render.plot.Quantity;
import dev.gcscope.render.plot.TimeRange;
import java.util.Optional;

/**
 * Percentiles over time: up to four lines (P50, P90, P99, max) over time buckets or intervals, and
 * under them, optionally, every raw value as one min-to-max stroke per pixel column ({@link MinMaxReducer}),
 * so a single spike between two buckets is never hidden. A NaN value breaks its line (an interval
 * without observations). The y axis is linear or log10 (latencies spanning decades). A selected x
 * range is shaded.
 *
 * <p>One plot keeps the arrays its reduction reuses, so it belongs to one chart on screen, redrawn
 * with {@link #view}; an export draws a {@link #copy()}.
 */
public final class PercentileLinesPlot implements PlotContent {
    public enum Role { P50, P90, P99, MAX }

    /**
     * @param x where each value is drawn (time, or interval number)
     * @param lines one y array per role (same length as x), null for a role not shown
     * @param rawX every raw value's x for the min/max strokes, or null
     * @param rawY the raw values
     * @param wholeX x is a count (interval numbers), so its ticks are whole numbers: "1.5" meant nothing
     */
    public record Lines(String xTitle, String yTitle, Quantity quantity, boolean logY, double[] x, double[][] lines,
                        double[] rawX, double[] rawY, boolean wholeX) {
        /** Lines over a continuous x (time). */
        public Lines(String xTitle, String yTitle, Quantity quantity, boolean logY, double[] x, double[][] lines,
                     double[] rawX, double[] rawY) {
            this(xTitle, yTitle, quantity, logY, x, lines, rawX, rawY, false);
        }

        public static Lines empty() {
            return new Lines("", "", Quantity.PLAIN, false, new double[0], new double[Role.values().length][], null, null);
        }

        public double[] line(Role r) {
            return lines[r.ordinal()];
        }
    }

    /**
     * {@code -chart-p50-stroke}, {@code -chart-p90-stroke}, {@code -chart-p99-stroke},
     * {@code -chart-max-stroke}, {@code -chart-range-stroke}, {@code -chart-selection-fill},
     * {@code -chart-selection-stroke} on screen.
     */
    public record Colours(Rgba p50, Rgba p90, Rgba p99, Rgba max, Rgba range, Rgba selectionFill, Rgba selectionStroke) {
        public Rgba of(Role r) {
            return switch (r) {
                case P50 -> p50;
                case P90 -> p90;
                case P99 -> p99;
                case MAX -> max;
            };
        }
    }

    private final Lines data;
    /** The raw values as plotted (log10 on a log axis), computed once per data set. */
    private final double[] rawPlotY;
    private final MinMaxReducer reducer = new MinMaxReducer();
    private double xMin = Double.POSITIVE_INFINITY, xMax = Double.NEGATIVE_INFINITY;
    private double yMin = Double.POSITIVE_INFINITY, yMax = Double.NEGATIVE_INFINITY;
    private final boolean hasData;
    private TimeRange selection;
    private Colours colours;

    public PercentileLinesPlot(Lines d) {
        this(d, d.rawY() == null ? null : d.logY() ? logged(d.rawY()) : d.rawY());
    }

    private PercentileLinesPlot(Lines d, double[] rawPlotY) {
        this.data = d;
        this.rawPlotY = rawPlotY;
        for (double[] line : d.lines()) {
            if (line == null) continue;
            for (int i = 0; i < line.length; i++) include(d.x()[i], y(line[i], d.logY()));
        }
        if (rawPlotY != null) for (int i = 0; i < rawPlotY.length; i++) include(d.rawX()[i], rawPlotY[i]);
        boolean any = xMax >= xMin && yMax >= yMin;
        hasData = any;
        if (!any) return;
        if (xMax == xMin) xMax = xMin + 1;
        if (!d.logY()) yMin = Math.min(0, yMin);
        if (yMax - yMin < (d.logY() ? 1 : 1e-9)) yMax = yMin + (d.logY() ? 1 : 1);
    }

    /** The same chart over the same data (sharing its prepared arrays), with its own reduction and this plot's view. */
    public PercentileLinesPlot copy() {
        return new PercentileLinesPlot(data, rawPlotY).view(selection, colours);
    }

    /** What the next drawing shows: the selected x range (null for none) and the colours. */
    public PercentileLinesPlot view(TimeRange selection, Colours colours) {
        this.selection = selection;
        this.colours = colours;
        return this;
    }

    public Lines data() {
        return data;
    }

    private static double y(double v, boolean log) {
        return log ? (v > 0 ? Math.log10(v) : Double.NaN) : v;
    }

    private void include(double x, double y) {
        if (Double.isNaN(x) || Double.isNaN(y) || Double.isInfinite(y)) return;
        xMin = Math.min(xMin, x);
        xMax = Math.max(xMax, x);
        yMin = Math.min(yMin, y);
        yMax = Math.max(yMax, y);
    }

    private static double[] logged(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) out[i] = v[i] > 0 ? Math.log10(v[i]) : Double.NaN;
        return out;
    }

    @Override
    public AxisSpec xAxis() {
        return hasData ? new AxisSpec(data.xTitle(), xMin, xMax, data.wholeX(), false) : null;
    }

    @Override
    public AxisSpec yAxis() {
        if (!hasData) return null;
        return data.logY() ? new AxisSpec(data.yTitle() + " (log)", yMin, yMax, false, false)
                : new AxisSpec(data.yTitle(), yMin, yMax, false, true);
    }

    /** Log ticks at 1-2-5 steps when the range spans few decades, not just one label per decade. */
    @Override
    public boolean logY() {
        return hasData && data.logY();
    }

    @Override
    public String yTickLabel(AxisTicks ticks, int i) {
        return data.logY() ? data.quantity().format(Math.pow(10, ticks.at(i))) : ticks.label(i);
    }

    @Override
    public void drawData(Painter g, PlotArea area) {
        Lines d = data;
        LinearScale ys = area.yScale();
        TimeRange sel = selection;
        if (sel != null) {
            double a = Math.max(area.x(), area.xScale().toPixel(sel.from())), b = Math.min(area.right(), area.xScale().toPixel(sel.to()));
            if (b >= a) {
                g.setFill(colours.selectionFill());
                g.fillRect(a, area.y(), Math.max(1, b - a), area.height());
                g.setStroke(colours.selectionStroke());
                g.setLineWidth(1);
                g.strokeLine(snap(a), area.y(), snap(a), area.bottom());
                g.strokeLine(snap(b), area.y(), snap(b), area.bottom());
            }
        }
        if (d.rawY() != null && d.rawY().length > 0) {
            int columns = (int) Math.ceil(area.width());
            double[] ry = rawPlotY;
            reducer.reduce(d.rawX(), ry, 0, ry.length, null, area.xScale(), area.x(), columns);
            g.setFill(colours.range());
            for (int c = 0; c < columns; c++) {
                if (reducer.count(c) == 0) continue;
                double top = ys.toPixel(reducer.max(c)), bottom = ys.toPixel(reducer.min(c));
                g.fillRect(area.x() + c, top - 1, 1, Math.max(2, bottom - top + 1));
            }
        }
        Role[] roles = Role.values();
        for (int r = roles.length - 1; r >= 0; r--) {
            double[] line = d.line(roles[r]);
            if (line == null) continue;
            g.setStroke(colours.of(roles[r]));
            g.setFill(colours.of(roles[r]));
            g.setLineWidth(roles[r] == Role.MAX ? 1 : 1.75);
            boolean open = false;
            g.beginPath();
            for (int i = 0; i < line.length; i++) {
                double v = y(line[i], d.logY());
                if (Double.isNaN(v) || Double.isInfinite(v)) {
                    open = false;
                    continue;
                }
                double px = area.xScale().toPixel(d.x()[i]), py = ys.toPixel(v);
                boolean alone = (i == 0 || Double.isNaN(y(line[i - 1], d.logY())))
                        && (i + 1 >= line.length || Double.isNaN(y(line[i + 1], d.logY())));
                if (alone) g.fillOval(px - 2, py - 2, 4, 4);
                if (open) g.lineTo(px, py);
                else g.moveTo(px, py);
                open = true;
            }
            g.stroke();
        }
    }

    /** The values of the time bucket nearest the pointer. */
    public Optional<HoverPoint> pick(double px, double py, PlotArea area) {
        Lines d = data;
        if (d.x().length == 0) return Optional.empty();
        double x = area.xScale().toValue(px);
        int best = 0;
        for (int i = 1; i < d.x().length; i++) if (Math.abs(d.x()[i] - x) < Math.abs(d.x()[best] - x)) best = i;
        StringBuilder text = new StringBuilder(d.xTitle().replaceAll(" \\(.*", "")).append(' ')
                .append(Quantity.number(d.x()[best]));
        double anchor = Double.NaN;
        for (Role r : Role.values()) {
            double[] line = d.line(r);
            if (line == null) continue;
            text.append('\n').append(r).append("  ").append(d.quantity().format(line[best]));
            double v = y(line[best], d.logY());
            if (!Double.isNaN(v) && !Double.isInfinite(v)) anchor = v;
        }
        double ay = Double.isNaN(anchor) ? area.bottom() : area.yScale().toPixel(anchor);
        return Optional.of(new HoverPoint(area.xScale().toPixel(d.x()[best]), ay, best, text.toString()));
    }
}
