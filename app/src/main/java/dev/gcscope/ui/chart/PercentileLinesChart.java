package dev.gcscope.ui.chart;

import dev.gcscope.render.Painter;
import dev.gcscope.render.chart.PercentileLinesPlot;
import dev.gcscope.render.chart.PercentileLinesPlot.Lines;
import dev.gcscope.render.chart.PercentileLinesPlot.Role;
import dev.gcscope.render.plot.HoverPoint;
import dev.gcscope.render.plot.PlotArea;
import dev.gcscope.render.plot.PlotContent;
import dev.gcscope.render.plot.TimeRange;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * Percentiles over time: up to four lines (P50, P90, P99, max) over time buckets or intervals, and
 * under them, optionally, every raw value as one min-to-max stroke per pixel column (see {@link PercentileLinesPlot}),
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
    /** What the chart draws: prepared once per data set, redrawn with the current selection and colours. */
    private PercentileLinesPlot plot = new PercentileLinesPlot(Lines.empty());

    public PercentileLinesChart() {
        getStyleClass().add("percentile-lines-chart");
        data.addListener((obs, old, now) -> {
            plot = new PercentileLinesPlot(now);
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
    protected void drawOverlay(Painter g, PlotArea area) {
        if (Double.isNaN(pressX) || Math.abs(dragX - pressX) < DRAG_THRESHOLD) return;
        double a = clamp(area, Math.min(pressX, dragX)), b = clamp(area, Math.max(pressX, dragX));
        g.setFill(rgba(selectionFill));
        g.fillRect(a, area.y(), b - a, area.height());
        g.setStroke(rgba(selectionStroke));
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

    /** The colours CSS set. */
    public PercentileLinesPlot.Colours colours() {
        return new PercentileLinesPlot.Colours(rgba(p50), rgba(p90), rgba(p99), rgba(max), rgba(range), rgba(selectionFill),
                rgba(selectionStroke));
    }

    @Override
    protected PlotContent content() {
        return plot.view(selection.get(), colours());
    }

    @Override
    protected PlotContent exportContent() {
        return plot.view(selection.get(), colours()).copy();
    }

    @Override
    protected Optional<HoverPoint> pick(double px, double py, PlotArea area) {
        return plot.pick(px, py, area);
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS_META_DATA;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return getClassCssMetaData();
    }
}
