package dev.gcscope.ui.gctrace.distribution;

import dev.gcscope.analysis.CycleRangeAnalysis.RegimePauses;
import dev.gcscope.analysis.stats.Convergence;
import dev.gcscope.analysis.stats.PercentileInterval.Estimate;
import dev.gcscope.ui.chart.AxisSpec;
import dev.gcscope.ui.chart.CanvasChart;
import dev.gcscope.ui.chart.ChartCss;
import dev.gcscope.ui.chart.HoverPoint;
import dev.gcscope.ui.chart.PlotArea;
import dev.gcscope.ui.chart.RegimePalette;
import dev.gcscope.ui.summary.Formats;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.Cursor;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.TextAlignment;

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
        placeholderProperty().set("Fewer than " + Convergence.MIN_CYCLES + " pauses in the selection: nothing to converge");
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

    /** Where a reference line at {@code ms} is drawn, in chart coordinates. */
    public static double referenceY(PlotArea a, double ms) {
        return a.yScale().toPixel(Math.log10(ms));
    }

    /** The SLO threshold drawn (and set by dragging the line). */
    public DoubleProperty sloMsProperty() {
        return sloMs;
    }

    private boolean hasData() {
        Convergence.Result r = convergence.get();
        return r != null && !r.points().isEmpty();
    }

    @Override
    protected boolean logX() {
        return true;
    }

    @Override
    protected boolean logY() {
        return true;
    }

    @Override
    protected AxisSpec xAxis() {
        if (!hasData()) return null;
        List<Convergence.Point> pts = convergence.get().points();
        double lo = Math.log10(pts.get(0).cycles()), hi = Math.log10(pts.get(pts.size() - 1).cycles());
        if (hi - lo < 0.3) hi = lo + 0.3;
        return new AxisSpec("cycles so far (log scale)", lo, hi, false, false);
    }

    @Override
    protected AxisSpec yAxis() {
        if (!hasData()) return null;
        double lo = Double.POSITIVE_INFINITY, hi = 0;
        for (Convergence.Point p : convergence.get().points()) {
            for (Estimate e : new Estimate[] {p.p50(), p.p99()}) {
                if (e.hasLow() && e.low() > 0) lo = Math.min(lo, e.low());
                if (e.value() > 0) lo = Math.min(lo, e.value());
                if (e.hasHigh()) hi = Math.max(hi, e.high());
                if (e.value() > 0) hi = Math.max(hi, e.value());
            }
        }
        double slo = shownSlo();
        if (slo > 0) {
            lo = Math.min(lo, slo);
            hi = Math.max(hi, slo);
        }
        RegimePauses r = regimeReference.get();
        if (r != null) {
            for (double v : new double[] {r.p50Ms(), r.p99Ms()}) {
                if (v > 0 && Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (!(hi > 0) || !Double.isFinite(lo)) return new AxisSpec("pause (ms, log scale)", -1, 1, false, false);
        double llo = Math.log10(lo), lhi = Math.log10(hi);
        double pad = Math.max(0.05, (lhi - llo) * 0.06);
        return new AxisSpec("pause (ms, log scale)", llo - pad, lhi + pad, false, false);
    }

    private double shownSlo() {
        return Double.isNaN(draggedSloMs) ? sloMs.get() : draggedSloMs;
    }

    @Override
    protected void drawData(GraphicsContext g, PlotArea area) {
        List<Convergence.Point> pts = convergence.get().points();
        band(g, area, pts, Convergence.Point::p99, bandP99Fill.get());
        band(g, area, pts, Convergence.Point::p50, bandFill.get());
        line(g, area, pts, Convergence.Point::p50, p50Stroke.get());
        line(g, area, pts, Convergence.Point::p99, p99Stroke.get());
        g.setFont(tickFont());
        Convergence.Result r = convergence.get();
        stableMarker(g, area, r.stableAfterP99(), "P99 stable after ", 1);
        stableMarker(g, area, r.stableAfterP50(), "P50 stable after ", 0);
        drawRegimeReference(g, area);
        double slo = shownSlo();
        if (slo > 0) {
            double py = snap(area.yScale().toPixel(Math.log10(slo)));
            g.setStroke(sloStroke.get());
            g.setLineWidth(2);
            g.strokeLine(area.x(), py, area.right(), py);
            g.setFill(sloStroke.get());
            // on the left: the stable-after markers come late, on the right
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.BOTTOM);
            g.fillText(String.format(Locale.ROOT, "SLO %.3f ms (drag to move)", slo), area.x() + 6, py - 3);
        }
    }

    /** Dotted lines at the regime's P50 and P99, labelled at the right end (the SLO label is on the left). */
    private void drawRegimeReference(GraphicsContext g, PlotArea area) {
        RegimePauses r = regimeReference.get();
        if (r == null) return;
        Paint stroke = regimes.colour(r.regime());
        g.setStroke(stroke);
        g.setFill(stroke);
        g.setLineWidth(2);
        g.setLineDashes(2, 4);
        g.setTextAlign(TextAlignment.RIGHT);
        double previousY = Double.NaN;
        String[] names = {"P50", "P99"};
        double[] values = {r.p50Ms(), r.p99Ms()};
        for (int k = 0; k < 2; k++) {
            if (!(values[k] > 0) || !Double.isFinite(values[k])) continue;
            double py = snap(referenceY(area, values[k]));
            g.strokeLine(area.x(), py, area.right(), py);
            // P99 above its line, P50 below, so two close lines keep both labels
            boolean above = k == 1 || (!Double.isNaN(previousY) && Math.abs(previousY - py) < textHeight() + 4);
            String text = String.format(Locale.ROOT, "regime %d %s %.3f ms", r.regime(), names[k], values[k]);
            double w = textWidth(text), h = textHeight();
            double ty = above ? py - 3 - h : py + 3;
            // on a patch of the plot's own fill: the label often sits on the running percentile it is compared with
            g.setGlobalAlpha(0.85);
            g.setFill(plotFill());
            g.fillRect(area.right() - 8 - w, ty - 1, w + 4, h + 2);
            g.setGlobalAlpha(1);
            g.setFill(stroke);
            g.setTextBaseline(VPos.TOP);
            g.fillText(text, area.right() - 6, ty);
            previousY = py;
        }
        g.setLineDashes((double[]) null);
    }

    private static double logOr(double v, double fallback) {
        return v > 0 ? Math.log10(v) : fallback;
    }

    private void band(GraphicsContext g, PlotArea a, List<Convergence.Point> pts, Function<Convergence.Point, Estimate> f, Paint fill) {
        int n = pts.size();
        double[] xs = new double[2 * n], ys = new double[2 * n];
        double floor = a.yScale().dataMin();
        for (int i = 0; i < n; i++) {
            Estimate e = f.apply(pts.get(i));
            double x = a.xScale().toPixel(Math.log10(pts.get(i).cycles()));
            xs[i] = x;
            // an open upper end goes to the top of the plot: the pauses so far bound it from below only
            ys[i] = e.hasHigh() ? a.yScale().toPixel(logOr(e.high(), floor)) : a.y();
            xs[2 * n - 1 - i] = x;
            ys[2 * n - 1 - i] = e.hasLow() ? a.yScale().toPixel(logOr(e.low(), floor)) : a.bottom();
        }
        g.setFill(fill);
        g.fillPolygon(xs, ys, 2 * n);
    }

    private void line(GraphicsContext g, PlotArea a, List<Convergence.Point> pts, Function<Convergence.Point, Estimate> f, Paint stroke) {
        g.setStroke(stroke);
        g.setLineWidth(2);
        g.beginPath();
        double floor = a.yScale().dataMin();
        for (int i = 0; i < pts.size(); i++) {
            double x = a.xScale().toPixel(Math.log10(pts.get(i).cycles()));
            double y = a.yScale().toPixel(logOr(f.apply(pts.get(i)).value(), floor));
            if (i == 0) g.moveTo(x, y);
            else g.lineTo(x, y);
        }
        g.stroke();
    }

    private void stableMarker(GraphicsContext g, PlotArea a, int cycles, String label, int row) {
        if (cycles <= 0) return;
        double px = snap(stableMarkerX(a, cycles));
        g.setStroke(stableStroke.get());
        g.setLineWidth(1.5);
        g.setLineDashes(5, 3);
        g.strokeLine(px, a.y(), px, a.bottom());
        g.setLineDashes((double[]) null);
        String text = label + String.format(Locale.ROOT, "%,d", cycles);
        double w = textWidth(text);
        g.setFill(stableStroke.get());
        g.setTextBaseline(VPos.TOP);
        boolean fitsRight = px + 4 + w <= a.right();
        g.setTextAlign(fitsRight ? TextAlignment.LEFT : TextAlignment.RIGHT);
        g.fillText(text, fitsRight ? px + 4 : px - 4, a.y() + 3 + row * (textHeight() + 2));
    }

    /** Where the "stable after {@code cycles}" marker is drawn, in chart coordinates. */
    public static double stableMarkerX(PlotArea a, int cycles) {
        return a.xScale().toPixel(Math.log10(cycles));
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
        if (!hasData()) return Optional.empty();
        List<Convergence.Point> pts = convergence.get().points();
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
        double y = area.yScale().toPixel(logOr(p.p99().value(), area.yScale().dataMin()));
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
