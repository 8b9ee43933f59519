package dev.gcscope.ui.gctrace.mmu;

import dev.gcscope.analysis.stats.MutatorUtilization;
import dev.gcscope.ui.chart.CanvasChart;
import dev.gcscope.ui.chart.ChartCss;
import dev.gcscope.render.plot.HoverPoint;
import dev.gcscope.render.mmu.MmuPlot;
import dev.gcscope.render.plot.PlotArea;
import dev.gcscope.render.plot.PlotContent;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * Minimum mutator utilization against window length (log x, ms; y 0–100 %): the worst share of
 * any window of that length the program kept the CPUs. Colour: {@code -chart-series-stroke}.
 */
public final class MmuChart extends CanvasChart {
    private static final CssMetaData<MmuChart, Paint> SERIES_STROKE =
            ChartCss.paint("-chart-series-stroke", c -> c.seriesStroke, Color.STEELBLUE);
    private static final List<CssMetaData<? extends Styleable, ?>> CSS_META_DATA =
            ChartCss.extend(CanvasChart.getClassCssMetaData(), List.of(SERIES_STROKE));

    private final StyleableObjectProperty<Paint> seriesStroke =
            ChartCss.paintProperty(SERIES_STROKE, this, "seriesStroke", this::invalidate);
    private final ObjectProperty<List<MutatorUtilization.Point>> curve = new SimpleObjectProperty<>(this, "curve", List.of());

    public MmuChart() {
        getStyleClass().add("mmu-chart");
        placeholderProperty().set(MmuPlot.PLACEHOLDER);
        curve.addListener((obs, old, now) -> invalidate());
    }

    public ObjectProperty<List<MutatorUtilization.Point>> curveProperty() {
        return curve;
    }

    private boolean hasData() {
        return curve.get() != null && !curve.get().isEmpty();
    }

    @Override
    protected PlotContent content() {
        return new MmuPlot(curve.get() == null ? List.of() : curve.get(), rgba(seriesStroke));
    }

    private static double px(PlotArea a, MutatorUtilization.Point p) {
        return MmuPlot.px(a, p);
    }

    private static double py(PlotArea a, MutatorUtilization.Point p) {
        return MmuPlot.py(a, p);
    }

    @Override
    protected Optional<HoverPoint> pick(double px, double py, PlotArea area) {
        if (!hasData()) return Optional.empty();
        List<MutatorUtilization.Point> c = curve.get();
        int best = 0;
        for (int i = 1; i < c.size(); i++) {
            if (Math.abs(px(area, c.get(i)) - px) < Math.abs(px(area, c.get(best)) - px)) best = i;
        }
        MutatorUtilization.Point p = c.get(best);
        return Optional.of(new HoverPoint(px(area, p), py(area, p), best, describe(p)));
    }

    /** "window 12.5 ms\nMMU 43.2 %": the readout of one point. */
    public static String describe(MutatorUtilization.Point p) {
        return String.format(Locale.ROOT, "window %s ms%nMMU %.1f %%", windowText(p.windowMs()), 100 * p.mmu());
    }

    static String windowText(double ms) {
        return ms >= 100 ? String.format(Locale.ROOT, "%,.0f", ms)
                : new java.math.BigDecimal(ms).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS_META_DATA;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return getClassCssMetaData();
    }
}
