package dev.gcscope.ui.chart;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.TextAlignment;

/**
 * A bucketed histogram on a log x axis: one bar per bucket from its lower to its upper bound, height
 * = count, with vertical markers for percentiles. Latency buckets span ten orders of magnitude
 * (runtime/metrics: 64 ns to 2^47 ns), so only the range from the first to the last non-empty bucket
 * is shown. A bucket reaching down to 0 or -∞ is drawn from half its upper bound, one reaching +∞ up
 * to twice its lower bound (their width is not known, their count is).
 *
 * <p>Colours: {@code -chart-bar-fill}, {@code -chart-marker-stroke}.
 */
public final class BucketHistogramChart extends CanvasChart {
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

    private static final CssMetaData<BucketHistogramChart, Paint> BAR_FILL =
            ChartCss.paint("-chart-bar-fill", c -> c.barFill, Color.STEELBLUE);
    private static final CssMetaData<BucketHistogramChart, Paint> MARKER_STROKE =
            ChartCss.paint("-chart-marker-stroke", c -> c.markerStroke, Color.ORANGERED);
    private static final List<CssMetaData<? extends Styleable, ?>> CSS_META_DATA =
            ChartCss.extend(CanvasChart.getClassCssMetaData(), List.of(BAR_FILL, MARKER_STROKE));

    private final StyleableObjectProperty<Paint> barFill = ChartCss.paintProperty(BAR_FILL, this, "barFill", this::invalidate);
    private final StyleableObjectProperty<Paint> markerStroke =
            ChartCss.paintProperty(MARKER_STROKE, this, "markerStroke", this::invalidate);
    private final ObjectProperty<Bars> bars = new SimpleObjectProperty<>(this, "bars", Bars.empty());
    private final javafx.beans.property.BooleanProperty logCounts = new javafx.beans.property.SimpleBooleanProperty(this, "logCounts");

    /** log10 of each drawn bucket's ends; NaN for buckets not drawn. */
    private double[] logLo = new double[0];
    private double[] logHi = new double[0];
    private double xMin, xMax, yMax;
    private boolean hasData;

    public BucketHistogramChart() {
        getStyleClass().add("bucket-histogram-chart");
        bars.addListener((obs, old, now) -> {
            prepare(now);
            invalidate();
        });
        logCounts.addListener((obs, old, now) -> invalidate());
    }

    /**
     * Counts on a log axis: a latency histogram's tail (tens of observations beside tens of
     * thousands) is invisible on a linear one.
     */
    public javafx.beans.property.BooleanProperty logCountsProperty() {
        return logCounts;
    }

    /** Where a count is drawn on the y axis (log10 of it on a log axis). */
    private double yOf(double count) {
        return logCounts.get() ? Math.log10(count) : count;
    }

    public ObjectProperty<Bars> barsProperty() {
        return bars;
    }

    private void prepare(Bars b) {
        int n = b.counts().length;
        logLo = new double[n];
        logHi = new double[n];
        xMin = Double.POSITIVE_INFINITY;
        xMax = Double.NEGATIVE_INFINITY;
        yMax = 0;
        for (int i = 0; i < n; i++) {
            double lo = b.lower()[i], hi = b.upper()[i];
            if (!(hi > 0) && !(hi == Double.POSITIVE_INFINITY)) lo = hi = Double.NaN;
            if (hi == Double.POSITIVE_INFINITY) hi = lo > 0 ? lo * 2 : Double.NaN;
            if (!(lo > 0)) lo = hi / 2;
            logLo[i] = Math.log10(lo);
            logHi[i] = Math.log10(hi);
            if (b.counts()[i] > 0 && !Double.isNaN(logLo[i]) && !Double.isNaN(logHi[i])) {
                xMin = Math.min(xMin, logLo[i]);
                xMax = Math.max(xMax, logHi[i]);
                yMax = Math.max(yMax, b.counts()[i]);
            }
        }
        hasData = yMax > 0;
        if (hasData && xMax - xMin < 1) {
            double mid = (xMin + xMax) / 2;
            xMin = mid - 0.5;
            xMax = mid + 0.5;
        }
    }

    @Override
    protected AxisSpec xAxis() {
        return hasData ? new AxisSpec(bars.get().xTitle() + " (log scale)", xMin, xMax, false, false) : null;
    }

    @Override
    protected AxisSpec yAxis() {
        if (!hasData) return null;
        // On a log axis the bars start at half an observation, so a bucket holding one still shows.
        return logCounts.get() ? new AxisSpec("count (log scale)", LOG_BASELINE, Math.max(1, Math.log10(yMax)), false, false)
                : new AxisSpec("count", 0, yMax, true, true);
    }

    /** Log ticks at 1-2-5 steps when the range spans few decades, not just one label per decade. */
    @Override
    protected boolean logX() {
        return true;
    }

    @Override
    protected boolean logY() {
        return logCounts.get();
    }

    @Override
    protected String yTickLabel(AxisTicks ticks, int i) {
        return logCounts.get() ? Quantity.PLAIN.format(Math.pow(10, ticks.at(i))) : super.yTickLabel(ticks, i);
    }

    @Override
    protected String xTickLabel(AxisTicks ticks, int i) {
        return bars.get().quantity().format(Math.pow(10, ticks.at(i)));
    }

    @Override
    protected void drawData(GraphicsContext g, PlotArea area) {
        Bars b = bars.get();
        LinearScale xs = area.xScale(), ys = area.yScale();
        g.setFill(barFill.get());
        for (int i = 0; i < b.counts().length; i++) {
            if (!(b.counts()[i] > 0) || Double.isNaN(logLo[i]) || Double.isNaN(logHi[i])) continue;
            double x0 = xs.toPixel(logLo[i]), x1 = xs.toPixel(logHi[i]);
            double top = ys.toPixel(yOf(b.counts()[i]));
            // At least a pixel wide and two tall, so a lone observation in a thin bucket still shows.
            double w = Math.max(1, x1 - x0 - 0.5);
            g.fillRect(x0, Math.min(top, area.bottom() - 2), w, Math.max(2, area.bottom() - top));
        }
        g.setStroke(markerStroke.get());
        g.setFill(markerStroke.get());
        g.setLineWidth(1.5);
        g.setLineDashes(5, 3);
        g.setFont(tickFont());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        for (int m = 0; m < b.markers().length; m++) {
            double v = b.markers()[m];
            if (!(v > 0) || Double.isInfinite(v)) continue;
            double px = snap(xs.toPixel(Math.log10(v)));
            g.strokeLine(px, area.y(), px, area.bottom());
            g.fillText(b.markerNames()[m], px + 3, area.y() + 2 + m * textHeight());
        }
        g.setLineDashes((double[]) null);
    }

    @Override
    protected Optional<HoverPoint> pick(double px, double py, PlotArea area) {
        Bars b = bars.get();
        double x = area.xScale().toValue(px);
        double slack = PICK_SLACK / Math.abs(area.xScale().pixelsPerUnit());
        double total = b.total();
        for (int i = 0; i < b.counts().length; i++) {
            if (!(b.counts()[i] > 0) || !(x >= logLo[i] - slack && x < logHi[i] + slack)) continue;
            Quantity q = b.quantity();
            String text = String.format(Locale.ROOT, "[%s, %s)%ncount %,.0f (%.2f%%)", q.format(b.lower()[i]), q.format(b.upper()[i]),
                    b.counts()[i], 100 * b.counts()[i] / total);
            return Optional.of(new HoverPoint(px, area.yScale().toPixel(yOf(b.counts()[i])), i, text));
        }
        return Optional.empty();
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS_META_DATA;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return getClassCssMetaData();
    }
}
