package dev.gcscope.ui.gctrace.regimes;

import dev.gcscope.analysis.regime.Regime;
import dev.gcscope.analysis.regime.RegimeScatterPoints;
import dev.gcscope.render.plot.HoverPoint;
import dev.gcscope.render.plot.PlotArea;
import dev.gcscope.render.plot.PlotContent;
import dev.gcscope.render.regimes.RegimeScatterPlot;
import dev.gcscope.render.regimes.ScatterData;
import dev.gcscope.ui.chart.CanvasChart;
import dev.gcscope.ui.chart.ChartCss;
import dev.gcscope.ui.chart.FxPainter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * Allocation rate (log x) against survival (y), one dot per cycle coloured by regime; above
 * {@link ScatterData#EXACT_LIMIT} cycles, one square per grid cell in its dominant regime's colour,
 * more opaque the more cycles it holds, so a million cycles draw in the time of a few thousand.
 * Each regime's typical cycle is a numbered ring. Clicking a dot or ring highlights its regime
 * (others fade), clicking it again or empty space clears the highlight.
 *
 * <p>Colours: {@code -chart-regime-0} … {@code -chart-regime-7} (regimes beyond 8 reuse them),
 * {@code -chart-regime-none}.
 */
public final class RegimeScatterChart extends CanvasChart {
    public static final int PALETTE_SIZE = 8;
    private static final double RING_RADIUS = RegimeScatterPlot.RING_RADIUS;
    private static final double PICK_RADIUS = 7;

    private static final List<CssMetaData<RegimeScatterChart, Paint>> REGIME_META = new ArrayList<>();
    private static final Color[] DEFAULTS = {Color.STEELBLUE, Color.DARKORANGE, Color.SEAGREEN, Color.INDIANRED,
        Color.CADETBLUE, Color.ORCHID, Color.GOLDENROD, Color.SIENNA};

    static {
        for (int i = 0; i < PALETTE_SIZE; i++) {
            int g = i;
            REGIME_META.add(ChartCss.paint("-chart-regime-" + i, c -> c.regimePaints[g], DEFAULTS[i]));
        }
    }

    private static final CssMetaData<RegimeScatterChart, Paint> NONE_META =
            ChartCss.paint("-chart-regime-none", c -> c.nonePaint, Color.GRAY);
    private static final List<CssMetaData<? extends Styleable, ?>> CSS_META_DATA;

    static {
        List<CssMetaData<? extends Styleable, ?>> own = new ArrayList<>(REGIME_META);
        own.add(NONE_META);
        CSS_META_DATA = ChartCss.extend(CanvasChart.getClassCssMetaData(), own);
    }

    @SuppressWarnings("unchecked")
    private final StyleableObjectProperty<Paint>[] regimePaints = new StyleableObjectProperty[PALETTE_SIZE];
    private final StyleableObjectProperty<Paint> nonePaint;
    private final ObjectProperty<ScatterData> data = new SimpleObjectProperty<>(this, "data");
    private final IntegerProperty highlightedRegime = new SimpleIntegerProperty(this, "highlightedRegime", -1);

    public RegimeScatterChart() {
        for (int i = 0; i < PALETTE_SIZE; i++) {
            regimePaints[i] = ChartCss.paintProperty(REGIME_META.get(i), this, "regime" + i, this::invalidate);
        }
        nonePaint = ChartCss.paintProperty(NONE_META, this, "regimeNone", this::invalidate);
        getStyleClass().add("regime-scatter-chart");
        placeholderProperty().set(RegimeScatterPlot.PLACEHOLDER);
        data.addListener((obs, old, now) -> invalidate());
        highlightedRegime.addListener((obs, old, now) -> invalidate());
        addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress()) click(e.getX(), e.getY());
        });
    }

    public ObjectProperty<ScatterData> dataProperty() {
        return data;
    }

    /** −1 or the regime whose cycles stand out. */
    public IntegerProperty highlightedRegimeProperty() {
        return highlightedRegime;
    }

    /** The colour of regime {@code id} (−1: no regime). */
    public Paint regimePaint(int id) {
        return id < 0 ? nonePaint.get() : regimePaints[id % PALETTE_SIZE].get();
    }

    private boolean hasData() {
        return data.get() != null && !data.get().isEmpty();
    }

    /** The colours CSS set. */
    public RegimeScatterPlot.Colours colours() {
        return new RegimeScatterPlot.Colours(Stream.of(regimePaints).map(p -> FxPainter.rgba(p.get())).toList(), rgba(nonePaint));
    }

    @Override
    protected PlotContent content() {
        return new RegimeScatterPlot(data.get(), highlightedRegime.get(), colours(), frameColours(), tickFont());
    }

    /** Where regime {@code r}'s ring is drawn, or null when its typical rate cannot be placed. */
    public static double[] ringCentre(PlotArea a, Regime r) {
        return RegimeScatterPlot.ringCentre(a, r);
    }

    /** The regime drawn at (px, py): a ring, else the nearest dot or cell within reach; −1 for empty space. */
    public int regimeAt(double px, double py) {
        Optional<PlotArea> area = plotArea();
        if (!hasData() || area.isEmpty() || !area.get().contains(px, py)) return -1;
        PlotArea a = area.get();
        ScatterData d = data.get();
        for (Regime r : d.regimes()) {
            double[] c = ringCentre(a, r);
            if (c != null && Math.hypot(c[0] - px, c[1] - py) <= RING_RADIUS + 2) return r.id();
        }
        if (!d.exact()) {
            int cell = cellAt(a, d, px, py);
            if (cell < 0) return -1;
            int g = d.grid().dominant(cell);
            return g == d.grid().counts().length - 1 ? -1 : g;
        }
        int row = nearestRow(a, d, px, py);
        return row < 0 ? -1 : d.regimeOfRow()[row];
    }

    /**
     * The fullest grid cell within {@link #PICK_RADIUS} of (px, py), or −1: a large selection is
     * picked by its cells, so hovering costs a few cells, not a pass over a million cycles.
     */
    private static int cellAt(PlotArea a, ScatterData d, double px, double py) {
        RegimeScatterPoints p = d.points();
        RegimeScatterPoints.Grid g = d.grid();
        double xSpan = p.xMax() > p.xMin() ? p.xMax() - p.xMin() : 1, ySpan = p.yMax() > p.yMin() ? p.yMax() - p.yMin() : 1;
        int c0 = (int) Math.floor((a.xScale().toValue(px - PICK_RADIUS) - p.xMin()) / xSpan * g.cols());
        int c1 = (int) Math.floor((a.xScale().toValue(px + PICK_RADIUS) - p.xMin()) / xSpan * g.cols());
        int r0 = (int) Math.floor((a.yScale().toValue(py + PICK_RADIUS) - p.yMin()) / ySpan * g.rows());
        int r1 = (int) Math.floor((a.yScale().toValue(py - PICK_RADIUS) - p.yMin()) / ySpan * g.rows());
        int best = -1, bestCount = 0;
        for (int r = Math.max(0, r0); r <= Math.min(g.rows() - 1, r1); r++) {
            for (int c = Math.max(0, c0); c <= Math.min(g.cols() - 1, c1); c++) {
                int n = g.total(r * g.cols() + c);
                if (n > bestCount) {
                    bestCount = n;
                    best = r * g.cols() + c;
                }
            }
        }
        return best;
    }

    /** The selected row drawn nearest to (px, py) within {@link #PICK_RADIUS}, or −1. O(selection), on a click or hover only. */
    private static int nearestRow(PlotArea a, ScatterData d, double px, double py) {
        float[] x = d.points().log10Rate(), y = d.points().survival();
        double xLo = a.xScale().toValue(px - PICK_RADIUS), xHi = a.xScale().toValue(px + PICK_RADIUS);
        double yLo = a.yScale().toValue(py + PICK_RADIUS), yHi = a.yScale().toValue(py - PICK_RADIUS);
        int best = -1;
        double bestD = PICK_RADIUS * PICK_RADIUS;
        for (int i = d.from(); i < d.to(); i++) {
            float xi = x[i];
            if (!(xi >= xLo && xi <= xHi) || !(y[i] >= yLo && y[i] <= yHi)) continue;
            double dx = a.xScale().toPixel(xi) - px, dy = a.yScale().toPixel(y[i]) - py;
            double dd = dx * dx + dy * dy;
            if (dd <= bestD) {
                bestD = dd;
                best = i;
            }
        }
        return best;
    }

    private void click(double px, double py) {
        int r = regimeAt(px, py);
        highlightedRegime.set(r >= 0 && r != highlightedRegime.get() ? r : -1);
    }

    @Override
    protected Optional<HoverPoint> pick(double px, double py, PlotArea a) {
        if (!hasData()) return Optional.empty();
        ScatterData d = data.get();
        for (Regime r : d.regimes()) {
            double[] c = ringCentre(a, r);
            if (c != null && Math.hypot(c[0] - px, c[1] - py) <= RING_RADIUS + 2) {
                return Optional.of(new HoverPoint(c[0], c[1], r.id(), String.format(Locale.ROOT,
                        "regime %d: %s%n%s%n%,d cycles; P50 %.3f ms, P99 %.3f ms", r.id(), r.label(), r.description(),
                        r.cycles(), r.stwP50Ms(), r.stwP99Ms())));
            }
        }
        if (!d.exact()) return pickCell(a, d, px, py);
        int row = nearestRow(a, d, px, py);
        if (row < 0) return Optional.empty();
        float x = d.points().log10Rate()[row], y = d.points().survival()[row];
        int regime = d.regimeOfRow()[row];
        return Optional.of(new HoverPoint(a.xScale().toPixel(x), a.yScale().toPixel(y), row, String.format(Locale.ROOT,
                "cycle at row %,d%nallocating %.0f MB/s%nsurvival %.0f %%%n%s", row, Math.pow(10, x), 100 * y,
                regime < 0 ? "no regime (forced or noise)" : "regime " + regime)));
    }

    private static Optional<HoverPoint> pickCell(PlotArea a, ScatterData d, double px, double py) {
        int cell = cellAt(a, d, px, py);
        if (cell < 0) return Optional.empty();
        RegimeScatterPoints p = d.points();
        RegimeScatterPoints.Grid g = d.grid();
        double x = p.xMin() + (cell % g.cols() + 0.5) * (p.xMax() - p.xMin()) / g.cols();
        double y = p.yMin() + (cell / g.cols() + 0.5) * (p.yMax() - p.yMin()) / g.rows();
        int dominant = g.dominant(cell);
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%,d cycles near%nallocating ~%.0f MB/s%nsurvival ~%.0f %%",
                g.total(cell), Math.pow(10, x), 100 * y));
        for (int r = 0; r < g.counts().length; r++) {
            int n = g.counts()[r][cell];
            if (n > 0) text.append(String.format(Locale.ROOT, "%n%s: %,d", r == g.counts().length - 1 ? "no regime" : "regime " + r, n));
        }
        return Optional.of(new HoverPoint(a.xScale().toPixel(x), a.yScale().toPixel(y), cell, text.toString()));
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS_META_DATA;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return getClassCssMetaData();
    }
}
