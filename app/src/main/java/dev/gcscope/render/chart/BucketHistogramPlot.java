package dev.gcscope.render.chart;

import static dev.gcscope.render.plot.Pixels.snap;

import dev.gcscope.render.ChartFont;
import dev.gcscope.render.Painter;
import dev.gcscope.render.Rgba;
import dev.gcscope.render.TextAlign;
import dev.gcscope.render.TextBaseline;
import dev.gcscope.render.plot.AxisSpec;
import dev.gcscope.render.plot.AxisTicks;
import dev.gcscope.render.plot.HoverPoint;
import dev.gcscope.render.plot.LinearScale;
import dev.gcscope.render.plot.PlotArea;
import dev.gcscope.render.plot.PlotContent;
import dev.gcscope.render.plot.Quantity;
import java.util.Locale;
import java.util.Optional;

/**
 * A bucketed histogram on a log x axis: one bar per bucket from its lower to its upper bound, height
 * = count, with vertical markers for percentiles. Latency buckets span ten orders of magnitude
 * (runtime/metrics: 64 ns to 2^47 ns), so only the range from the first to the last non-empty bucket
 * is shown. A bucket reaching down to 0 or -∞ is drawn from half its upper bound, one reaching +∞ up
 * to twice its lower bound (their width is not known, their count is).
 */
public final class BucketHistogramPlot implements PlotContent {
    private static final double PICK_SLACK = 2;
    /** log10(0.5): the bottom of a log count axis. */
    private static final double LOG_BASELINE = Math.log10(0.5);

    /**
     * @param lower each bucket's lower bound (inclusive), ascending
     * @param upper each bucket's upper bound
     * @param markers values marked by a vertical line (percentiles), NaN ones skipped
     * @param markerNames their labels ({@code P50})
     */
    public record Bars(double[] lower, double[] upper, double[] counts, Quantity quantity, String xTitle,
                       double[] markers, String[] markerNames) {
        public static Bars empty() {
            return new Bars(new double[0], new double[0], new double[0], Quantity.PLAIN, "", new double[0], new String[0]);
        }

        public double total() {
            double t = 0;
            for (double c : counts) t += c;
            return t;
        }
    }

    /** {@code -chart-bar-fill}, {@code -chart-marker-stroke} on screen. */
    public record Colours(Rgba barFill, Rgba markerStroke) {}

    private final Bars bars;
    private final boolean logCounts;
    private final Colours colours;
    private final ChartFont font;
    /** log10 of each drawn bucket's ends; NaN for buckets not drawn. */
    private final double[] logLo;
    private final double[] logHi;
    private double xMin = Double.POSITIVE_INFINITY, xMax = Double.NEGATIVE_INFINITY, yMax;
    private final boolean hasData;

    /** @param logCounts counts on a log axis: a latency histogram's tail is invisible on a linear one */
    public BucketHistogramPlot(Bars bars, boolean logCounts, Colours colours, ChartFont font) {
        this.bars = bars;
        this.logCounts = logCounts;
        this.colours = colours;
        this.font = font;
        int n = bars.counts().length;
        logLo = new double[n];
        logHi = new double[n];
        for (int i = 0; i < n; i++) {
            double lo = bars.lower()[i], hi = bars.upper()[i];
            if (!(hi > 0) && !(hi == Double.POSITIVE_INFINITY)) lo = hi = Double.NaN;
            if (hi == Double.POSITIVE_INFINITY) hi = lo > 0 ? lo * 2 : Double.NaN;
            if (!(lo > 0)) lo = hi / 2;
            logLo[i] = Math.log10(lo);
            logHi[i] = Math.log10(hi);
            if (bars.counts()[i] > 0 && !Double.isNaN(logLo[i]) && !Double.isNaN(logHi[i])) {
                xMin = Math.min(xMin, logLo[i]);
                xMax = Math.max(xMax, logHi[i]);
                yMax = Math.max(yMax, bars.counts()[i]);
            }
        }
        hasData = yMax > 0;
        if (hasData && xMax - xMin < 1) {
            double mid = (xMin + xMax) / 2;
            xMin = mid - 0.5;
            xMax = mid + 0.5;
        }
    }

    public Bars bars() {
        return bars;
    }

    /** Where a count is drawn on the y axis (log10 of it on a log axis). */
    private double yOf(double count) {
        return logCounts ? Math.log10(count) : count;
    }

    @Override
    public AxisSpec xAxis() {
        return hasData ? new AxisSpec(bars.xTitle() + " (log scale)", xMin, xMax, false, false) : null;
    }

    @Override
    public AxisSpec yAxis() {
        if (!hasData) return null;
        // On a log axis the bars start at half an observation, so a bucket holding one still shows.
        return logCounts ? new AxisSpec("count (log scale)", LOG_BASELINE, Math.max(1, Math.log10(yMax)), false, false)
                : new AxisSpec("count", 0, yMax, true, true);
    }

    /** Log ticks at 1-2-5 steps when the range spans few decades, not just one label per decade. */
    @Override
    public boolean logX() {
        return true;
    }

    @Override
    public boolean logY() {
        return logCounts;
    }

    @Override
    public String yTickLabel(AxisTicks ticks, int i) {
        return logCounts ? Quantity.PLAIN.format(Math.pow(10, ticks.at(i))) : ticks.label(i);
    }

    @Override
    public String xTickLabel(AxisTicks ticks, int i) {
        return bars.quantity().format(Math.pow(10, ticks.at(i)));
    }

    @Override
    public void drawData(Painter g, PlotArea area) {
        LinearScale xs = area.xScale(), ys = area.yScale();
        g.setFill(colours.barFill());
        for (int i = 0; i < bars.counts().length; i++) {
            if (!(bars.counts()[i] > 0) || Double.isNaN(logLo[i]) || Double.isNaN(logHi[i])) continue;
            double x0 = xs.toPixel(logLo[i]), x1 = xs.toPixel(logHi[i]);
            double top = ys.toPixel(yOf(bars.counts()[i]));
            // At least a pixel wide and two tall, so a lone observation in a thin bucket still shows.
            double w = Math.max(1, x1 - x0 - 0.5);
            g.fillRect(x0, Math.min(top, area.bottom() - 2), w, Math.max(2, area.bottom() - top));
        }
        g.setStroke(colours.markerStroke());
        g.setFill(colours.markerStroke());
        g.setLineWidth(1.5);
        g.setLineDashes(5, 3);
        g.setFont(font);
        g.setTextAlign(TextAlign.LEFT);
        g.setTextBaseline(TextBaseline.TOP);
        double lineH = g.lineHeight();
        int n = bars.markers().length;
        double[] lineX = new double[n], widths = new double[n];
        for (int m = 0; m < n; m++) {
            double v = bars.markers()[m];
            lineX[m] = !(v > 0) || Double.isInfinite(v) ? Double.NaN : snap(xs.toPixel(Math.log10(v)));
            widths[m] = g.textWidth(bars.markerNames()[m]);
        }
        MarkerLabels.Place[] places = MarkerLabels.place(lineX, widths, area.x(), area.right());
        for (int m = 0; m < n; m++) {
            if (places[m] == null) continue;
            g.strokeLine(lineX[m], area.y(), lineX[m], area.bottom());
            g.fillText(bars.markerNames()[m], places[m].x(), area.y() + 2 + places[m].row() * lineH);
        }
        g.setLineDashes((double[]) null);
    }

    /** The bucket under the pointer, with its range, count and share. */
    public Optional<HoverPoint> pick(double px, double py, PlotArea area) {
        double x = area.xScale().toValue(px);
        double slack = PICK_SLACK / Math.abs(area.xScale().pixelsPerUnit());
        double total = bars.total();
        for (int i = 0; i < bars.counts().length; i++) {
            if (!(bars.counts()[i] > 0) || !(x >= logLo[i] - slack && x < logHi[i] + slack)) continue;
            Quantity q = bars.quantity();
            String text = String.format(Locale.ROOT, "[%s, %s)%ncount %,.0f (%.2f%%)", q.format(bars.lower()[i]), q.format(bars.upper()[i]),
                    bars.counts()[i], 100 * bars.counts()[i] / total);
            return Optional.of(new HoverPoint(px, area.yScale().toPixel(yOf(bars.counts()[i])), i, text));
        }
        return Optional.empty();
    }
}
