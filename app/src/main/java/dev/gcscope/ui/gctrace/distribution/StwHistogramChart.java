package dev.gcscope.ui.gctrace.distribution;

import dev.gcscope.analysis.stats.LogHistogram;
import dev.gcscope.ui.chart.AxisSpec;
import dev.gcscope.ui.chart.CanvasChart;
import dev.gcscope.ui.chart.ChartCss;
import dev.gcscope.ui.chart.HoverPoint;
import dev.gcscope.ui.chart.LinearScale;
import dev.gcscope.ui.chart.PlotArea;
import dev.gcscope.ui.chart.RegimePalette;
import dev.gcscope.ui.gctrace.distribution.PauseHistogram.FitCurve;
import dev.gcscope.ui.gctrace.distribution.PauseHistogram.Marker;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
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
 * Stop-the-world pauses of a selection in log-spaced bins (x: pause on a log axis, y: pauses per
 * bin), the fitted models drawn as the counts they expect per bin (the accepted one solid and
 * thick, the others dashed), and dashed percentile markers labelled at the top.
 *
 * <p>Colours: {@code -chart-bar-fill}, {@code -chart-bar-stroke}, {@code -chart-marker-stroke} and one
 * per model: {@code -chart-exponential-stroke}, {@code -chart-lognormal-stroke},
 * {@code -chart-truncated-stroke}.
 */
public final class StwHistogramChart extends CanvasChart {
    /** A narrower range is widened to this many decades, so a handful of equal pauses is still a readable bar. */
    private static final double MIN_DECADES = 0.3;

    private static final CssMetaData<StwHistogramChart, Paint> BAR_FILL =
            ChartCss.paint("-chart-bar-fill", c -> c.barFill, Color.LIGHTSTEELBLUE);
    private static final CssMetaData<StwHistogramChart, Paint> BAR_STROKE =
            ChartCss.paint("-chart-bar-stroke", c -> c.barStroke, Color.STEELBLUE);
    private static final CssMetaData<StwHistogramChart, Paint> MARKER_STROKE =
            ChartCss.paint("-chart-marker-stroke", c -> c.markerStroke, Color.DIMGRAY);
    private static final CssMetaData<StwHistogramChart, Paint> EXPONENTIAL_STROKE =
            ChartCss.paint("-chart-exponential-stroke", c -> c.exponentialStroke, Color.PURPLE);
    private static final CssMetaData<StwHistogramChart, Paint> LOGNORMAL_STROKE =
            ChartCss.paint("-chart-lognormal-stroke", c -> c.lognormalStroke, Color.GREEN);
    private static final CssMetaData<StwHistogramChart, Paint> TRUNCATED_STROKE =
            ChartCss.paint("-chart-truncated-stroke", c -> c.truncatedStroke, Color.CRIMSON);
    private static final List<CssMetaData<StwHistogramChart, Paint>> REGIMES = RegimePalette.metaData(c -> c.regimes);
    private static final List<CssMetaData<? extends Styleable, ?>> CSS_META_DATA = ChartCss.extend(
            CanvasChart.getClassCssMetaData(), Stream.concat(
                    Stream.<CssMetaData<? extends Styleable, ?>>of(BAR_FILL, BAR_STROKE, MARKER_STROKE,
                            EXPONENTIAL_STROKE, LOGNORMAL_STROKE, TRUNCATED_STROKE), REGIMES.stream()).toList());
    /** The regime's bars are solid enough to read as "this part of the bar", light enough to keep the outline. */
    private static final double OVERLAY_OPACITY = 0.8;
    static final double BARS_UNDER_OVERLAY_OPACITY = 0.6;

    private final StyleableObjectProperty<Paint> barFill = ChartCss.paintProperty(BAR_FILL, this, "barFill", this::invalidate);
    private final StyleableObjectProperty<Paint> barStroke = ChartCss.paintProperty(BAR_STROKE, this, "barStroke", this::invalidate);
    private final StyleableObjectProperty<Paint> markerStroke =
            ChartCss.paintProperty(MARKER_STROKE, this, "markerStroke", this::invalidate);
    private final StyleableObjectProperty<Paint> exponentialStroke =
            ChartCss.paintProperty(EXPONENTIAL_STROKE, this, "exponentialStroke", this::invalidate);
    private final StyleableObjectProperty<Paint> lognormalStroke =
            ChartCss.paintProperty(LOGNORMAL_STROKE, this, "lognormalStroke", this::invalidate);
    private final StyleableObjectProperty<Paint> truncatedStroke =
            ChartCss.paintProperty(TRUNCATED_STROKE, this, "truncatedStroke", this::invalidate);
    private final RegimePalette regimes = new RegimePalette(this, REGIMES, this::invalidate);
    private final ObjectProperty<PauseHistogram> histogram = new SimpleObjectProperty<>(this, "histogram", PauseHistogram.EMPTY);
    private final ObjectProperty<RegimePauseCounts> overlay = new SimpleObjectProperty<>(this, "overlay");

    public StwHistogramChart() {
        getStyleClass().add("stw-histogram-chart");
        setPlaceholder("No pauses in the selection");
        histogram.addListener((obs, old, now) -> invalidate());
        overlay.addListener((obs, old, now) -> invalidate());
    }

    /**
     * The highlighted regime's pauses, counted in the bins of {@link #histogramProperty()}, drawn over
     * its bars in the regime's colour; null for none. Whoever sets a new histogram clears or recounts it.
     */
    public ObjectProperty<RegimePauseCounts> overlayProperty() {
        return overlay;
    }

    /** The colour of regime {@code id}'s overlay. */
    public Paint regimeFill(int id) {
        return regimes.colour(id);
    }

    private void setPlaceholder(String text) {
        placeholderProperty().set(text);
    }

    public ObjectProperty<PauseHistogram> histogramProperty() {
        return histogram;
    }

    public Paint barFill() {
        return barFill.get();
    }

    /** The stroke of a model's curve, by its name in {@code PauseFits}. */
    public Paint fitStroke(String model) {
        return switch (model) {
            case "exponential" -> exponentialStroke.get();
            case "log-normal" -> lognormalStroke.get();
            default -> truncatedStroke.get();
        };
    }

    @Override
    protected boolean logX() {
        return true;
    }

    @Override
    protected AxisSpec xAxis() {
        PauseHistogram h = histogram.get();
        if (h == null || h.isEmpty()) return null;
        double[] e = h.bins().edges();
        double lo = Math.log10(e[0]), hi = Math.log10(e[e.length - 1]);
        if (hi - lo < MIN_DECADES) {
            double mid = (lo + hi) / 2;
            lo = mid - MIN_DECADES / 2;
            hi = mid + MIN_DECADES / 2;
        }
        return new AxisSpec("stop-the-world pause (ms, log scale)", lo, hi, false, false);
    }

    @Override
    protected AxisSpec yAxis() {
        PauseHistogram h = histogram.get();
        if (h == null || h.isEmpty()) return null;
        return new AxisSpec("pauses per bin", 0, Math.max(1, h.maxCount() * 1.08), true, true);
    }

    @Override
    protected void drawData(GraphicsContext g, PlotArea area) {
        PauseHistogram h = histogram.get();
        LogHistogram bins = h.bins();
        double[] e = bins.edges();
        long[] counts = bins.counts();
        LinearScale xs = area.xScale(), ys = area.yScale();
        double base = ys.toPixel(0);
        RegimePauseCounts o = shownOverlay(h);
        // with a regime overlaid, the bars of all pauses step back so its bars stand out
        g.setGlobalAlpha(o == null ? 1 : BARS_UNDER_OVERLAY_OPACITY);
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) continue;
            double x0 = xs.toPixel(Math.log10(e[i])), x1 = xs.toPixel(Math.log10(e[i + 1]));
            double top = Math.min(base - 1, ys.toPixel(counts[i]));
            g.setFill(barFill.get());
            g.fillRect(x0, top, Math.max(1, x1 - x0), base - top);
            g.setStroke(barStroke.get());
            g.setLineWidth(1);
            g.strokeRect(snap(x0), snap(top), Math.max(1, Math.round(x1 - x0)), Math.round(base - top));
        }
        g.setGlobalAlpha(1);
        if (o != null) {
            g.setFill(regimes.colour(o.regime()));
            g.setGlobalAlpha(OVERLAY_OPACITY);
            for (int i = 0; i < o.counts().length; i++) {
                if (o.counts()[i] == 0) continue;
                double x0 = xs.toPixel(Math.log10(e[i])), x1 = xs.toPixel(Math.log10(e[i + 1]));
                double top = Math.min(base - 1, ys.toPixel(o.counts()[i]));
                // inside the bar's outline, so both counts stay readable
                g.fillRect(snap(x0) + 1, top, Math.max(1, Math.round(x1 - x0) - 1), base - top);
            }
            g.setGlobalAlpha(1);
        }
        // unaccepted models first, so the accepted one is drawn on top
        for (int pass = 0; pass < 2; pass++) {
            for (FitCurve f : h.fits()) {
                if (f.accepted() != (pass == 1)) continue;
                drawFit(g, area, e, f);
            }
        }
        drawMarkers(g, area, h.markers());
    }

    private void drawFit(GraphicsContext g, PlotArea area, double[] e, FitCurve f) {
        double[] expected = f.expected();
        g.setStroke(fitStroke(f.model()));
        g.setLineWidth(f.accepted() ? 2.5 : 1.5);
        g.setLineDashes(f.accepted() ? null : new double[] {6, 4});
        g.beginPath();
        for (int i = 0; i < expected.length; i++) {
            double px = area.xScale().toPixel((Math.log10(e[i]) + Math.log10(e[i + 1])) / 2);
            double py = area.yScale().toPixel(expected[i]);
            if (i == 0) g.moveTo(px, py);
            else g.lineTo(px, py);
        }
        g.stroke();
        g.setLineDashes((double[]) null);
    }

    /** Dashed verticals; a label that would overlap the one before goes a line lower. */
    private void drawMarkers(GraphicsContext g, PlotArea area, List<Marker> markers) {
        g.setFont(tickFont());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        double lineH = textHeight() + 2;
        double[] rowEnds = new double[markers.size()];
        java.util.Arrays.fill(rowEnds, Double.NEGATIVE_INFINITY);
        for (Marker m : markers) {
            double px = snap(area.xScale().toPixel(Math.log10(m.ms())));
            g.setStroke(markerStroke.get());
            g.setLineWidth(1);
            g.setLineDashes(4, 3);
            g.strokeLine(px, area.y(), px, area.bottom());
            g.setLineDashes((double[]) null);
            String text = m.label() + " " + String.format(Locale.ROOT, "%.3f", m.ms());
            double w = textWidth(text);
            double tx = px + 3 + w > area.right() ? px - 3 - w : px + 3;
            int row = 0;
            while (row < rowEnds.length - 1 && tx < rowEnds[row] + 6) row++;
            rowEnds[row] = tx + w;
            g.setFill(textFill());
            g.fillText(text, tx, area.y() + 2 + row * lineH);
        }
    }

    @Override
    protected Optional<HoverPoint> pick(double px, double py, PlotArea area) {
        PauseHistogram h = histogram.get();
        if (h == null || h.isEmpty()) return Optional.empty();
        int bin = h.bins().binOf(Math.pow(10, area.xScale().toValue(px)));
        if (bin < 0) return Optional.empty();
        double[] e = h.bins().edges();
        double cx = area.xScale().toPixel((Math.log10(e[bin]) + Math.log10(e[bin + 1])) / 2);
        double cy = area.yScale().toPixel(h.bins().counts()[bin]);
        return Optional.of(new HoverPoint(cx, cy, bin, describe(h, shownOverlay(h), bin)));
    }

    /** The overlay if it was counted in {@code h}'s bins, else null (a stale one is never drawn in the wrong bins). */
    private RegimePauseCounts shownOverlay(PauseHistogram h) {
        RegimePauseCounts o = overlay.get();
        return o != null && o.counts().length == h.bins().bins() ? o : null;
    }

    /** The readout of bin {@code i}: its range, its count and share, and what each model expects there. */
    public static String describe(PauseHistogram h, int i) {
        return describe(h, null, i);
    }

    /** The same, with the highlighted regime's count in the bin when {@code o} is not null. */
    public static String describe(PauseHistogram h, RegimePauseCounts o, int i) {
        LogHistogram b = h.bins();
        long total = b.total();
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%.4f – %.4f ms%n%,d pauses (%.1f %%)",
                b.edges()[i], b.edges()[i + 1], b.counts()[i], total == 0 ? 0 : 100.0 * b.counts()[i] / total));
        if (o != null) {
            s.append(String.format(Locale.ROOT, "%nregime %d: %,d of them", o.regime(), o.counts()[i]));
        }
        for (FitCurve f : h.fits()) s.append(String.format(Locale.ROOT, "%n%s expects %.1f", f.model(), f.expected()[i]));
        return s.toString();
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS_META_DATA;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return getClassCssMetaData();
    }
}
