package dev.gcscope.ui.chart;

import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * Percentiles over time: up to four lines (P50, P90, P99, max) over time buckets or intervals, and
 * under them, optionally, every raw value as one min-to-max stroke per pixel column ({@link MinMaxReducer}),
 * so a single spike between two buckets is never hidden. A NaN value breaks its line (an interval
 * without observations). The y axis is linear or log10 (latencies spanning decades).
 *
 * <p>When {@link #selectableProperty() selectable}, dragging with the primary button selects an x
 * range ({@link #selectionProperty()}, shaded) and Escape clears it; the lines stay as they are.
 *
 * <p>Colours: {@code -chart-p50-stroke}, {@code -chart-p90-stroke}, {@code -chart-p99-stroke},
 * {@code -chart-max-stroke}, {@code -chart-range-stroke}, {@code -chart-selection-fill},
 * {@code -chart-selection-stroke}.
 */
public final class PercentileLinesChart extends CanvasChart {
    public enum Role { P50, P90, P99, MAX }

    /**
     * @param x where each value is drawn (time, or interval number)
     * @param lines one y array per role (same length as x), null for a role not shown
     * @param rawX every raw value's x for the min/max strokes, or null
     * @param rawY the raw values
     */
    public record Lines(String xTitle, String yTitle, Quantity quantity, boolean logY, double[] x, double[][] lines,
                        double[] rawX, double[] rawY) {
        public static Lines empty() {
            return new Lines("", "", Quantity.PLAIN, false, new double[0], new double[Role.values().length][], null, null);
        }

        public double[] line(Role r) {
            return lines[r.ordinal()];
        }
    }

    private static final CssMetaData<PercentileLinesChart, Paint> P50 = ChartCss.paint("-chart-p50-stroke", c -> c.p50, Color.SEAGREEN);
    private static final CssMetaData<PercentileLinesChart, Paint> P90 = ChartCss.paint("-chart-p90-stroke", c -> c.p90, Color.STEELBLUE);
    private static final CssMetaData<PercentileLinesChart, Paint> P99 = ChartCss.paint("-chart-p99-stroke", c -> c.p99, Color.DARKORANGE);
    private static final CssMetaData<PercentileLinesChart, Paint> MAX = ChartCss.paint("-chart-max-stroke", c -> c.max, Color.CRIMSON);
    private static final CssMetaData<PercentileLinesChart, Paint> RANGE = ChartCss.paint("-chart-range-stroke", c -> c.range, Color.LIGHTGRAY);
    private static final CssMetaData<PercentileLinesChart, Paint> SELECTION_FILL =
            ChartCss.paint("-chart-selection-fill", c -> c.selectionFill, Color.rgb(47, 110, 181, 0.15));
    private static final CssMetaData<PercentileLinesChart, Paint> SELECTION_STROKE =
            ChartCss.paint("-chart-selection-stroke", c -> c.selectionStroke, Color.rgb(47, 110, 181));
    private static final List<CssMetaData<? extends Styleable, ?>> CSS_META_DATA =
            ChartCss.extend(CanvasChart.getClassCssMetaData(), List.of(P50, P90, P99, MAX, RANGE, SELECTION_FILL, SELECTION_STROKE));
    /** Pixels the pointer must move before a press becomes a selection rather than a click. */
    static final double DRAG_THRESHOLD = 3;

    private final StyleableObjectProperty<Paint> p50 = ChartCss.paintProperty(P50, this, "p50", this::invalidate);
    private final StyleableObjectProperty<Paint> p90 = ChartCss.paintProperty(P90, this, "p90", this::invalidate);
    private final StyleableObjectProperty<Paint> p99 = ChartCss.paintProperty(P99, this, "p99", this::invalidate);
    private final StyleableObjectProperty<Paint> max = ChartCss.paintProperty(MAX, this, "max", this::invalidate);
    private final StyleableObjectProperty<Paint> range = ChartCss.paintProperty(RANGE, this, "range", this::invalidate);
    private final StyleableObjectProperty<Paint> selectionFill =
            ChartCss.paintProperty(SELECTION_FILL, this, "selectionFill", this::invalidate);
    private final StyleableObjectProperty<Paint> selectionStroke =
            ChartCss.paintProperty(SELECTION_STROKE, this, "selectionStroke", this::invalidate);
    private final ObjectProperty<Lines> data = new SimpleObjectProperty<>(this, "data", Lines.empty());
    private final ObjectProperty<TimeRange> selection = new SimpleObjectProperty<>(this, "selection");
    private final BooleanProperty selectable = new SimpleBooleanProperty(this, "selectable", false);
    /** Where a primary-button drag began, NaN when none is under way. */
    private double pressX = Double.NaN;
    private double dragX;
    private final MinMaxReducer reducer = new MinMaxReducer();
    private double xMin, xMax, yMin, yMax;
    /** The raw values as plotted (log10 on a log axis), computed once per data set. */
    private double[] rawPlotY;
    private boolean hasData;

    public PercentileLinesChart() {
        getStyleClass().add("percentile-lines-chart");
        data.addListener((obs, old, now) -> {
            prepare(now);
            invalidate();
        });
        selection.addListener((obs, old, now) -> invalidate());
        selectable.addListener((obs, old, now) -> setFocusTraversable(now));
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (selectable.get() && e.getCode() == KeyCode.ESCAPE && selection.get() != null) {
                selection.set(null);
                e.consume();
            }
        });
    }

    /** The selected x range, or null; set by dragging when {@link #selectableProperty() selectable}. */
    public ObjectProperty<TimeRange> selectionProperty() {
        return selection;
    }

    /** Whether a primary-button drag selects a range (false: the chart only shows). */
    public BooleanProperty selectableProperty() {
        return selectable;
    }

    private void pressed(MouseEvent e) {
        if (!selectable.get() || e.getButton() != MouseButton.PRIMARY) return;
        requestFocus();
        PlotArea area = plotArea().orElse(null);
        if (area == null || !area.contains(e.getX(), e.getY())) return;
        pressX = e.getX();
        dragX = e.getX();
        e.consume();
    }

    private void dragged(MouseEvent e) {
        if (Double.isNaN(pressX)) return;
        dragX = e.getX();
        hover(e.getX(), e.getY());
        e.consume();
    }

    private void released(MouseEvent e) {
        if (Double.isNaN(pressX)) return;
        double from = pressX;
        pressX = Double.NaN;
        PlotArea area = plotArea().orElse(null);
        if (area != null && Math.abs(e.getX() - from) >= DRAG_THRESHOLD) {
            selection.set(new TimeRange(area.xScale().toValue(clamp(area, from)), area.xScale().toValue(clamp(area, e.getX()))));
        }
        repaintOverlay();
    }

    private static double clamp(PlotArea area, double px) {
        return Math.max(area.x(), Math.min(area.right(), px));
    }

    @Override
    protected void drawOverlay(GraphicsContext g, PlotArea area) {
        if (Double.isNaN(pressX) || Math.abs(dragX - pressX) < DRAG_THRESHOLD) return;
        double a = clamp(area, Math.min(pressX, dragX)), b = clamp(area, Math.max(pressX, dragX));
        g.setFill(selectionFill.get());
        g.fillRect(a, area.y(), b - a, area.height());
        g.setStroke(selectionStroke.get());
        g.setLineWidth(1);
        g.strokeRect(snap(a), snap(area.y()), Math.floor(b - a), Math.floor(area.height()));
    }

    public ObjectProperty<Lines> dataProperty() {
        return data;
    }

    /** The paint of a role's line, as CSS set it (for legends). */
    public Paint paintOf(Role r) {
        return switch (r) {
            case P50 -> p50.get();
            case P90 -> p90.get();
            case P99 -> p99.get();
            case MAX -> max.get();
        };
    }

    private double y(double v, boolean log) {
        return log ? (v > 0 ? Math.log10(v) : Double.NaN) : v;
    }

    private void prepare(Lines d) {
        xMin = yMin = Double.POSITIVE_INFINITY;
        xMax = yMax = Double.NEGATIVE_INFINITY;
        for (double[] line : d.lines()) {
            if (line == null) continue;
            for (int i = 0; i < line.length; i++) include(d.x()[i], y(line[i], d.logY()));
        }
        if (d.rawY() != null) for (int i = 0; i < d.rawY().length; i++) include(d.rawX()[i], y(d.rawY()[i], d.logY()));
        rawPlotY = d.rawY() == null ? null : d.logY() ? logged(d.rawY()) : d.rawY();
        hasData = xMax >= xMin && yMax >= yMin;
        if (!hasData) return;
        if (xMax == xMin) xMax = xMin + 1;
        if (!d.logY()) yMin = Math.min(0, yMin);
        if (yMax - yMin < (d.logY() ? 1 : 1e-9)) yMax = yMin + (d.logY() ? 1 : 1);
    }

    private void include(double x, double y) {
        if (Double.isNaN(x) || Double.isNaN(y) || Double.isInfinite(y)) return;
        xMin = Math.min(xMin, x);
        xMax = Math.max(xMax, x);
        yMin = Math.min(yMin, y);
        yMax = Math.max(yMax, y);
    }

    @Override
    protected AxisSpec xAxis() {
        return hasData ? new AxisSpec(data.get().xTitle(), xMin, xMax, false, false) : null;
    }

    @Override
    protected AxisSpec yAxis() {
        Lines d = data.get();
        if (!hasData) return null;
        return d.logY() ? new AxisSpec(d.yTitle() + " (log)", yMin, yMax, false, false) : new AxisSpec(d.yTitle(), yMin, yMax, false, true);
    }

    /** Log ticks at 1-2-5 steps when the range spans few decades, not just one label per decade. */
    @Override
    protected boolean logY() {
        return hasData && data.get().logY();
    }

    @Override
    protected String yTickLabel(AxisTicks ticks, int i) {
        Lines d = data.get();
        return d.logY() ? d.quantity().format(Math.pow(10, ticks.at(i))) : super.yTickLabel(ticks, i);
    }

    @Override
    protected void drawData(GraphicsContext g, PlotArea area) {
        Lines d = data.get();
        LinearScale ys = area.yScale();
        TimeRange sel = selection.get();
        if (sel != null) {
            double a = Math.max(area.x(), area.xScale().toPixel(sel.from())), b = Math.min(area.right(), area.xScale().toPixel(sel.to()));
            if (b >= a) {
                g.setFill(selectionFill.get());
                g.fillRect(a, area.y(), Math.max(1, b - a), area.height());
                g.setStroke(selectionStroke.get());
                g.setLineWidth(1);
                g.strokeLine(snap(a), area.y(), snap(a), area.bottom());
                g.strokeLine(snap(b), area.y(), snap(b), area.bottom());
            }
        }
        if (d.rawY() != null && d.rawY().length > 0) {
            int columns = (int) Math.ceil(area.width());
            double[] ry = rawPlotY;
            reducer.reduce(d.rawX(), ry, 0, ry.length, null, area.xScale(), area.x(), columns);
            g.setFill(range.get());
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
            g.setStroke(paintOf(roles[r]));
            g.setFill(paintOf(roles[r]));
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

    private static double[] logged(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) out[i] = v[i] > 0 ? Math.log10(v[i]) : Double.NaN;
        return out;
    }

    @Override
    protected Optional<HoverPoint> pick(double px, double py, PlotArea area) {
        Lines d = data.get();
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

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS_META_DATA;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return getClassCssMetaData();
    }
}
