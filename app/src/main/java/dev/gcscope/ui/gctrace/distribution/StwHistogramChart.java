package dev.gcscope.ui.gctrace.distribution;

import dev.gcscope.analysis.stats.LogHistogram;
import dev.gcscope.render.distribution.PauseHistogram;
import dev.gcscope.render.distribution.PauseHistogram.FitCurve;
import dev.gcscope.render.distribution.RegimePauseCounts;
import dev.gcscope.render.distribution.StwHistogramPlot;
import dev.gcscope.render.plot.HoverPoint;
import dev.gcscope.render.plot.PlotArea;
import dev.gcscope.render.plot.PlotContent;
import dev.gcscope.ui.chart.CanvasChart;
import dev.gcscope.ui.chart.ChartCss;
import dev.gcscope.ui.chart.FxPainter;
import dev.gcscope.ui.chart.RegimePalette;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * Stop-the-world pauses of a selection in log-spaced bins, with the fitted models and the percentile
 * markers, on screen ({@link StwHistogramPlot} draws it), with the readout of the bin under the pointer.
 *
 * <p>Colours: {@code -chart-bar-fill}, {@code -chart-bar-stroke}, {@code -chart-marker-stroke} and one
 * per model: {@code -chart-exponential-stroke}, {@code -chart-lognormal-stroke},
 * {@code -chart-truncated-stroke}.
 */
public final class StwHistogramChart extends CanvasChart {
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
    static final double BARS_UNDER_OVERLAY_OPACITY = StwHistogramPlot.BARS_UNDER_OVERLAY_OPACITY;

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
        placeholderProperty().set(StwHistogramPlot.PLACEHOLDER);
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

    private final javafx.beans.property.ObjectProperty<dev.gcscope.render.plot.YScale> yScale =
            new javafx.beans.property.SimpleObjectProperty<>(this, "yScale", dev.gcscope.render.plot.YScale.LINEAR);

    {
        yScale.addListener((o, old, now) -> invalidate());
    }

    /** Counts on a linear or a log axis; the view binds it to the remembered choice. */
    public javafx.beans.property.ObjectProperty<dev.gcscope.render.plot.YScale> yScaleProperty() {
        return yScale;
    }

    /** The colours CSS set. */
    public StwHistogramPlot.Colours colours() {
        return new StwHistogramPlot.Colours(rgba(barFill), rgba(barStroke), rgba(markerStroke), rgba(exponentialStroke),
                rgba(lognormalStroke), rgba(truncatedStroke),
                IntStream.range(0, RegimePalette.SIZE).mapToObj(k -> FxPainter.rgba(regimes.colour(k))).toList());
    }

    @Override
    protected PlotContent content() {
        return new StwHistogramPlot(histogram.get(), overlay.get(), colours(), frameColours().textFill(), tickFont(),
                yScale.get() == dev.gcscope.render.plot.YScale.LOG);
    }

    @Override
    protected Optional<HoverPoint> pick(double px, double py, PlotArea area) {
        PauseHistogram h = histogram.get();
        if (h == null || h.isEmpty()) return Optional.empty();
        int bin = h.bins().binOf(Math.pow(10, area.xScale().toValue(px)));
        if (bin < 0) return Optional.empty();
        double[] e = h.bins().edges();
        double cx = area.xScale().toPixel((Math.log10(e[bin]) + Math.log10(e[bin + 1])) / 2);
        long count = h.bins().counts()[bin];
        double cy = yScale.get() == dev.gcscope.render.plot.YScale.LOG
                ? area.yScale().toPixel(Math.log10(Math.max(0.5, count))) : area.yScale().toPixel(count);
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
