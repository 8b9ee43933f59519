package dev.gcscope.ui.gctrace.distribution;

import dev.gcscope.analysis.CycleRangeAnalysis.RegimePauses;
import dev.gcscope.analysis.stats.Convergence;
import dev.gcscope.render.distribution.ConvergencePlot;
import dev.gcscope.render.plot.HoverPoint;
import dev.gcscope.render.plot.PlotArea;
import dev.gcscope.render.plot.PlotContent;
import dev.gcscope.ui.chart.CanvasChart;
import dev.gcscope.ui.chart.ChartCss;
import dev.gcscope.ui.chart.FxPainter;
import dev.gcscope.ui.chart.RegimePalette;
import dev.gcscope.ui.summary.Formats;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.scene.Cursor;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * Running P50 and P99 after the first N cycles (log x, log y), each with its 95% interval band (an
 * end still open — P99 needs 368 pauses for an upper bound — reaches the edge of the plot); a
 * vertical marker where each becomes stable; and the SLO threshold as a horizontal line that can be
 * dragged (the new threshold is committed to {@link #sloMsProperty()} on release, so a drag starts
 * one recomputation, not one per pixel).
 *
 * <p>Colours: {@code -chart-p50-stroke}, {@code -chart-p99-stroke}, {@code -chart-band-fill},
 * {@code -chart-band-p99-fill}, {@code -chart-slo-stroke}, {@code -chart-stable-stroke}.
 */
public final class ConvergenceChart extends CanvasChart {
    /** How close (px) to the SLO line a press grabs it. */
    private static final double GRAB_PX = 6;

    private static final CssMetaData<ConvergenceChart, Paint> P50 = ChartCss.paint("-chart-p50-stroke", c -> c.p50Stroke, Color.STEELBLUE);
    private static final CssMetaData<ConvergenceChart, Paint> P99 = ChartCss.paint("-chart-p99-stroke", c -> c.p99Stroke, Color.FIREBRICK);
    private static final CssMetaData<ConvergenceChart, Paint> BAND = ChartCss.paint("-chart-band-fill", c -> c.bandFill, Color.LIGHTBLUE);
    private static final CssMetaData<ConvergenceChart, Paint> BAND_P99 =
            ChartCss.paint("-chart-band-p99-fill", c -> c.bandP99Fill, Color.MISTYROSE);
    private static final CssMetaData<ConvergenceChart, Paint> SLO = ChartCss.paint("-chart-slo-stroke", c -> c.sloStroke, Color.DARKORANGE);
    private static final CssMetaData<ConvergenceChart, Paint> STABLE =
            ChartCss.paint("-chart-stable-stroke", c -> c.stableStroke, Color.SEAGREEN);
    private static final List<CssMetaData<ConvergenceChart, Paint>> REGIMES = RegimePalette.metaData(c -> c.regimes);
    private static final List<CssMetaData<? extends Styleable, ?>> CSS_META_DATA = ChartCss.extend(CanvasChart.getClassCssMetaData(),
            Stream.concat(Stream.<CssMetaData<? extends Styleable, ?>>of(
                    P50, P99, BAND, BAND_P99, SLO, STABLE), REGIMES.stream()).toList());

    private final StyleableObjectProperty<Paint> p50Stroke = ChartCss.paintProperty(P50, this, "p50Stroke", this::invalidate);
    private final StyleableObjectProperty<Paint> p99Stroke = ChartCss.paintProperty(P99, this, "p99Stroke", this::invalidate);
    private final StyleableObjectProperty<Paint> bandFill = ChartCss.paintProperty(BAND, this, "bandFill", this::invalidate);
    private final StyleableObjectProperty<Paint> bandP99Fill = ChartCss.paintProperty(BAND_P99, this, "bandP99Fill", this::invalidate);
    private final StyleableObjectProperty<Paint> sloStroke = ChartCss.paintProperty(SLO, this, "sloStroke", this::invalidate);
    private final StyleableObjectProperty<Paint> stableStroke = ChartCss.paintProperty(STABLE, this, "stableStroke", this::invalidate);
    private final RegimePalette regimes = new RegimePalette(this, REGIMES, this::invalidate);
    private final ObjectProperty<Convergence.Result> convergence = new SimpleObjectProperty<>(this, "convergence");
    private final ObjectProperty<RegimePauses> regimeReference = new SimpleObjectProperty<>(this, "regimeReference");
    private final DoubleProperty sloMs = new SimpleDoubleProperty(this, "sloMs", Double.NaN);
    /** The threshold while the line is being dragged, NaN otherwise. */
    private double draggedSloMs = Double.NaN;

    public ConvergenceChart() {
        getStyleClass().add("convergence-chart");
        placeholderProperty().set(ConvergencePlot.PLACEHOLDER);
        convergence.addListener((obs, old, now) -> invalidate());
        sloMs.addListener((obs, old, now) -> invalidate());
        regimeReference.addListener((obs, old, now) -> invalidate());
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::press);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::drag);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::release);
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> setCursor(nearSlo(e.getY()) ? Cursor.V_RESIZE : Cursor.DEFAULT));
    }

    public ObjectProperty<Convergence.Result> convergenceProperty() {
        return convergence;
    }

    /**
     * The highlighted regime's own P50 and P99 in the selection, drawn as dotted horizontal lines in
     * its colour (what the running percentiles of all cycles would settle to were the trace all this
     * regime); null for none.
     */
    public ObjectProperty<RegimePauses> regimeReferenceProperty() {
        return regimeReference;
    }

    /** The colour of regime {@code id}'s reference lines. */
    public Paint regimeStroke(int id) {
        return regimes.colour(id);
    }

    /** The SLO threshold drawn (and set by dragging the line). */
    public DoubleProperty sloMsProperty() {
        return sloMs;
    }

    private double shownSlo() {
        return Double.isNaN(draggedSloMs) ? sloMs.get() : draggedSloMs;
    }

    /** The colours CSS set. */
    public ConvergencePlot.Colours colours() {
        return new ConvergencePlot.Colours(rgba(p50Stroke), rgba(p99Stroke), rgba(bandFill), rgba(bandP99Fill), rgba(sloStroke),
                rgba(stableStroke), IntStream.range(0, RegimePalette.SIZE).mapToObj(k -> FxPainter.rgba(regimes.colour(k))).toList());
    }

    @Override
    protected PlotContent content() {
        return new ConvergencePlot(convergence.get(), shownSlo(), ConvergencePlot.SCREEN_SLO_HINT, regimeReference.get(), colours(),
                frameColours(), tickFont());
    }

    /** An export draws the chart without the hint that the SLO line can be dragged. */
    @Override
    protected PlotContent exportContent() {
        return new ConvergencePlot(convergence.get(), shownSlo(), "", regimeReference.get(), colours(), frameColours(), tickFont());
    }

    /** Where a reference line at {@code ms} is drawn, in chart coordinates. */
    public static double referenceY(PlotArea a, double ms) {
        return ConvergencePlot.referenceY(a, ms);
    }

    /** Where the "stable after {@code cycles}" marker is drawn, in chart coordinates. */
    public static double stableMarkerX(PlotArea a, int cycles) {
        return ConvergencePlot.stableMarkerX(a, cycles);
    }

    private boolean nearSlo(double y) {
        Optional<PlotArea> a = plotArea();
        double slo = shownSlo();
        return a.isPresent() && slo > 0 && Math.abs(a.get().yScale().toPixel(Math.log10(slo)) - y) <= GRAB_PX;
    }

    private void press(MouseEvent e) {
        if (e.isPrimaryButtonDown() && nearSlo(e.getY())) {
            draggedSloMs = sloMs.get();
            e.consume();
        }
    }

    private void drag(MouseEvent e) {
        if (Double.isNaN(draggedSloMs) || plotArea().isEmpty()) return;
        PlotArea a = plotArea().get();
        double y = Math.max(a.y(), Math.min(a.bottom(), e.getY()));
        draggedSloMs = roundToMicroseconds(Math.pow(10, a.yScale().toValue(y)));
        invalidate();
        e.consume();
    }

    private void release(MouseEvent e) {
        if (Double.isNaN(draggedSloMs)) return;
        double v = draggedSloMs;
        draggedSloMs = Double.NaN;
        sloMs.set(v);
        invalidate();
        e.consume();
    }

    /** A dragged threshold to the microsecond Go prints pauses in (at least 1 µs). */
    static double roundToMicroseconds(double ms) {
        return Math.max(0.001, Math.round(ms * 1000) / 1000.0);
    }

    @Override
    protected Optional<HoverPoint> pick(double px, double py, PlotArea area) {
        Convergence.Result r = convergence.get();
        if (r == null || r.points().isEmpty()) return Optional.empty();
        List<Convergence.Point> pts = r.points();
        int best = -1;
        double bestD = Double.POSITIVE_INFINITY;
        for (int i = 0; i < pts.size(); i++) {
            double d = Math.abs(area.xScale().toPixel(Math.log10(pts.get(i).cycles())) - px);
            if (d < bestD) {
                bestD = d;
                best = i;
            }
        }
        Convergence.Point p = pts.get(best);
        double y = area.yScale().toPixel(p.p99().value() > 0 ? Math.log10(p.p99().value()) : area.yScale().dataMin());
        return Optional.of(new HoverPoint(area.xScale().toPixel(Math.log10(p.cycles())), y, best, String.format(Locale.ROOT,
                "after %,d cycles%nP50 %.3f ms  [%s]%nP99 %.3f ms  [%s]", p.cycles(), p.p50().value(),
                Formats.interval(p.p50()), p.p99().value(), Formats.interval(p.p99()))));
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS_META_DATA;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return getClassCssMetaData();
    }
}
