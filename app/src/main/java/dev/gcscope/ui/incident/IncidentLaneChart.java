package dev.gcscope.ui.incident;

import dev.gcscope.render.incident.IncidentLane;
import dev.gcscope.render.incident.IncidentLanePlot;
import dev.gcscope.render.incident.IncidentLaneSet;
import dev.gcscope.render.plot.HoverPoint;
import dev.gcscope.render.plot.PlotArea;
import dev.gcscope.render.plot.PlotContent;
import dev.gcscope.render.plot.TimeRange;
import dev.gcscope.ui.chart.CanvasChart;
import dev.gcscope.ui.chart.ChartCss;
import dev.gcscope.ui.chart.FxPainter;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import javafx.beans.property.DoubleProperty;
import javafx.beans.InvalidationListener;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * One lane of the incident view. Every lane shows the view model's viewport and follows one shared
 * hover time: the pointer over any lane shows, in every lane, that lane's values at the same moment.
 * As on the timelines: the wheel zooms around the pointer, a drag selects a range (every lane zooms to it
 * and its figures are read), Shift- or middle-drag pans, a double click shows the whole incident; with the
 * lane focused (a click), + and − zoom about the middle, ← and → pan, Home shows all, Escape drops the selection.
 * Alt- (or Ctrl-) drag moves the lane's source on the incident's clock by hand ({@link LaneShift}): its events follow the
 * pointer over faint lines at the other sources' GC stop-the-world moments; the release sets the file's shift, Escape cancels.
 *
 * <p>Colours: {@code -chart-tone-1-stroke}, {@code -chart-tone-2-stroke}, {@code -chart-tone-3-stroke},
 * {@code -chart-bar-fill}, {@code -chart-band-fill}, {@code -chart-cycle-fill}.
 */
public final class IncidentLaneChart extends CanvasChart {
    private static final CssMetaData<IncidentLaneChart, Paint> TONE1 = ChartCss.paint("-chart-tone-1-stroke", c -> c.tone1, Color.SEAGREEN);
    private static final CssMetaData<IncidentLaneChart, Paint> TONE2 = ChartCss.paint("-chart-tone-2-stroke", c -> c.tone2, Color.CRIMSON);
    private static final CssMetaData<IncidentLaneChart, Paint> TONE3 = ChartCss.paint("-chart-tone-3-stroke", c -> c.tone3, Color.PURPLE);
    private static final CssMetaData<IncidentLaneChart, Paint> BAR = ChartCss.paint("-chart-bar-fill", c -> c.bar, Color.STEELBLUE);
    private static final CssMetaData<IncidentLaneChart, Paint> BAND =
            ChartCss.paint("-chart-band-fill", c -> c.band, Color.rgb(230, 119, 0, 0.15));
    private static final CssMetaData<IncidentLaneChart, Paint> CYCLE = ChartCss.paint("-chart-cycle-fill", c -> c.cycle, Color.GRAY);
    private static final List<CssMetaData<? extends Styleable, ?>> CSS_META_DATA =
            ChartCss.extend(CanvasChart.getClassCssMetaData(), List.of(TONE1, TONE2, TONE3, BAR, BAND, CYCLE));
    /** One notch of the wheel zooms by this factor. */
    private static final double WHEEL_ZOOM = 0.8;
    /** Zoom per + key (− by its inverse) and pan per arrow key as a share of the range shown: the timelines' (TimelineKeys). */
    static final double KEY_ZOOM = 0.8;
    static final double KEY_PAN = 0.1;

    private final StyleableObjectProperty<Paint> tone1 = ChartCss.paintProperty(TONE1, this, "tone1", this::invalidate);
    private final StyleableObjectProperty<Paint> tone2 = ChartCss.paintProperty(TONE2, this, "tone2", this::invalidate);
    private final StyleableObjectProperty<Paint> tone3 = ChartCss.paintProperty(TONE3, this, "tone3", this::invalidate);
    private final StyleableObjectProperty<Paint> bar = ChartCss.paintProperty(BAR, this, "bar", this::invalidate);
    private final StyleableObjectProperty<Paint> band = ChartCss.paintProperty(BAND, this, "band", this::invalidate);
    private final StyleableObjectProperty<Paint> cycle = ChartCss.paintProperty(CYCLE, this, "cycle", this::invalidate);

    private final IncidentLaneSet set;
    private final IncidentLane lane;
    private final IncidentViewModel vm;
    private final DoubleProperty hoverX;
    private final boolean last;
    private final boolean first;
    private final BooleanSupplier inPanel;
    /** Where a drag began, NaN when none is under way. */
    private double pressX = Double.NaN;
    private double dragX;
    private boolean panning;
    /** The Alt-drag moving this lane's source under way, or held after its release until the re-alignment ends; null for none. */
    private LaneShift shift;
    private final InvalidationListener onViewport = o -> invalidate();
    private final InvalidationListener onHover = o -> followHover();
    /** Pixels the pointer must move before a press becomes a selection rather than a click. */
    static final double DRAG_THRESHOLD = 3;

    /**
     * @param hoverX the shared hover time (seconds from the set's origin), NaN when the pointer is over no lane
     * @param first the top lane writes the intervals' causes in their bands
     * @param last the bottom lane titles the time axis
     * @param inPanel whether the readouts are listed in the view's panel instead (some lane is scrolled out of view):
     *                the lane then shows only its crosshair
     */
    public IncidentLaneChart(IncidentViewModel vm, IncidentLaneSet set, IncidentLane lane, DoubleProperty hoverX, boolean first, boolean last,
                             BooleanSupplier inPanel) {
        this.vm = vm;
        this.set = set;
        this.lane = lane;
        this.hoverX = hoverX;
        this.first = first;
        this.last = last;
        this.inPanel = inPanel;
        getStyleClass().add("incident-lane-chart");
        setId("incident-lane-" + lane.id());
        vm.viewportProperty().addListener(onViewport);
        vm.selectionProperty().addListener(onViewport);
        hoverX.addListener(onHover);
        vm.busyProperty().addListener(onBusy);
        setFocusTraversable(true);
        addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> plotArea().filter(a -> a.contains(e.getX(), e.getY()))
                .ifPresentOrElse(a -> hoverX.set(a.xScale().toValue(e.getX())), () -> hoverX.set(Double.NaN)));
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> hoverX.set(Double.NaN));
        setOnScroll((ScrollEvent e) -> plotArea().ifPresent(a -> {
            if (e.getDeltaY() == 0) return;
            vm.zoom(e.getDeltaY() > 0 ? WHEEL_ZOOM : 1 / WHEEL_ZOOM, a.xScale().toValue(e.getX()));
            e.consume();
        }));
        // as on the timelines: drag selects a range (here: zooms every lane to it), Shift- or middle-drag pans
        setOnMousePressed(e -> {
            requestFocus();
            if (startShift(e)) return;
            pressX = e.getX();
            dragX = e.getX();
            panning = e.getButton() == MouseButton.MIDDLE || e.getButton() == MouseButton.PRIMARY && e.isShiftDown();
            if (e.getButton() != MouseButton.PRIMARY && !panning) pressX = Double.NaN;
        });
        setOnMouseDragged(e -> plotArea().ifPresent(a -> {
            if (shift != null && shift.dragging()) {
                shift.moveTo(e.getX());
                invalidate();
                return;
            }
            if (Double.isNaN(pressX)) return;
            if (panning) {
                vm.pan(a.xScale().toValue(dragX) - a.xScale().toValue(e.getX()));
            }
            dragX = Math.max(a.x(), Math.min(a.right(), e.getX()));
            if (!panning) repaintOverlay();
        }));
        setOnMouseReleased(e -> {
            if (shift != null && shift.dragging()) {
                commitShift();
                return;
            }
            double from = pressX, to = dragX;
            boolean select = !panning && !Double.isNaN(from) && Math.abs(to - from) > DRAG_THRESHOLD;
            pressX = Double.NaN;
            repaintOverlay();
            if (select) plotArea().ifPresent(a -> vm.select(a.xScale().toValue(Math.min(from, to)), a.xScale().toValue(Math.max(from, to))));
        });
        setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) vm.showWhole();
        });
    }

    private void keyPressed(KeyEvent e) {
        TimeRange v = vm.viewportProperty().get();
        if (v == null) return;
        double middle = (v.from() + v.to()) / 2;
        switch (e.getCode()) {
            case LEFT -> vm.pan(-KEY_PAN * v.length());
            case RIGHT -> vm.pan(KEY_PAN * v.length());
            case PLUS, EQUALS, ADD -> vm.zoom(KEY_ZOOM, middle);
            case MINUS, SUBTRACT -> vm.zoom(1 / KEY_ZOOM, middle);
            case HOME -> vm.resetZoom();
            case ESCAPE -> vm.clearSelection();
            default -> {
                return;
            }
        }
        e.consume();
    }

    /** An Alt- or Ctrl-drag of the primary button in the plot of a lane read from one file starts moving that file's clock. */
    private boolean startShift(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || !(e.isAltDown() || e.isControlDown())) return false;
        String file = vm.fileOf(lane);
        Optional<PlotArea> area = plotArea().filter(a -> a.contains(e.getX(), e.getY()));
        if (file == null || area.isEmpty()) return false;
        pressX = Double.NaN;
        shift = new LaneShift(file, e.getX(), area.get().xScale().toValue(e.getX() + 1) - area.get().xScale().toValue(e.getX()),
                LaneShift.stwMoments(set, l -> !file.equals(vm.fileOf(l))));
        hoverX.set(Double.NaN);
        // on the scene: Escape cancels wherever the focus went (Alt may have handed it to the menu bar)
        if (getScene() != null) getScene().addEventFilter(KeyEvent.KEY_PRESSED, escapeCancels);
        invalidate();
        return true;
    }

    private final javafx.event.EventHandler<KeyEvent> escapeCancels = e -> {
        if (e.getCode() != javafx.scene.input.KeyCode.ESCAPE) return;
        e.consume();
        endShift();
        invalidate();
    };

    /** No drag under way: the scene's keys are their own again. */
    private void endShift() {
        shift = null;
        if (getScene() != null) getScene().removeEventFilter(KeyEvent.KEY_PRESSED, escapeCancels);
    }

    /** The released drag sets the file's shift; the lane stays where it was dropped until the re-alignment redraws it. */
    private void commitShift() {
        LaneShift s = shift;
        if (getScene() != null) getScene().removeEventFilter(KeyEvent.KEY_PRESSED, escapeCancels);
        s.release();
        if (s.pixels() == 0) {
            shift = null;
        } else {
            vm.setShiftByHand(s.file(), vm.shiftOf(s.file()) + s.seconds(), s.pixelS());
            if (!vm.busyProperty().get()) shift = null;
        }
        invalidate();
    }

    /** A held shift ends with the re-alignment (its new lanes replace this one) or its cancellation. */
    private final InvalidationListener onBusy = o -> endHeldShift();

    private void endHeldShift() {
        if (shift != null && !shift.dragging() && !vm.busyProperty().get()) {
            shift = null;
            invalidate();
        }
    }

    /** The source offset being dragged, for tests: seconds added to the file's shift, 0 when no drag is under way. */
    public double draggedShiftS() {
        return shift == null ? 0 : shift.seconds();
    }

    /** Stops following the view model's viewport and the shared hover time: the lane was replaced by a newer result's. */
    public void dispose() {
        vm.busyProperty().removeListener(onBusy);
        vm.viewportProperty().removeListener(onViewport);
        vm.selectionProperty().removeListener(onViewport);
        hoverX.removeListener(onHover);
    }

    public IncidentLane lane() {
        return lane;
    }

    /** What the readout says at the shared hover time; null when the pointer is over no lane or outside the grid. */
    public String readoutText() {
        double x = hoverX.get();
        return Double.isNaN(x) ? null : plot().readout(x);
    }

    @Override
    protected PlotContent content() {
        return plot();
    }

    private IncidentLanePlot plot() {
        TimeRange v = vm.viewportProperty().get();
        if (v == null) v = new TimeRange(set.fromX(), set.toX());
        // the dragged lane's events move with the pointer: its x range moves the other way
        if (shift != null) v = new TimeRange(v.from() - shift.seconds(), v.to() - shift.seconds());
        String xTitle = last ? "seconds since " + (set.originIsProcessStart() ? "the Go process started" : "the incident's first sample") : "";
        TimeRange selected = vm.selectionProperty().get();
        return new IncidentLanePlot(set, lane, v, xTitle, first,
                new IncidentLanePlot.Colours(rgba(tone1), rgba(tone2), rgba(tone3), rgba(bar), rgba(band), rgba(cycle), FxPainter.rgba(textFill()),
                FxPainter.rgba(plotFill()).times(0.85)),
                selected == null ? null : new TimeRange(selected.from() - set.originS(), selected.to() - set.originS()));
    }

    @Override
    protected Optional<HoverPoint> pick(double px, double py, PlotArea area) {
        // the view's panel lists every lane's figures: the lane keeps only its crosshair
        if (inPanel.getAsBoolean()) return Optional.empty();
        double x = area.xScale().toValue(px);
        String text = plot().readout(x);
        // anchored at the plot's top: the readout sits in the lane's upper part, beside the pointer
        return text == null ? Optional.empty() : Optional.of(new HoverPoint(px, area.y() + 2, set.binAt(x), text));
    }

    @Override
    protected void drawOverlay(dev.gcscope.render.Painter g, PlotArea area) {
        double hx = hoverX.get();
        if (!Double.isNaN(hx) && inPanel.getAsBoolean()) {
            // the moment the panel reads, as a line through every lane
            double px = Math.round(area.xScale().toPixel(hx)) + 0.5;
            if (px >= area.x() && px <= area.right()) {
                g.setStroke(FxPainter.rgba(axisStroke()));
                g.setLineDashes(3, 3);
                g.strokeLine(px, area.y(), px, area.bottom());
                g.setLineDashes();
            }
        }
        if (shift != null) {
            drawShift(g, area);
            return;
        }
        if (Double.isNaN(pressX) || panning) return;
        double x0 = Math.max(area.x(), Math.min(pressX, dragX)), x1 = Math.min(area.right(), Math.max(pressX, dragX));
        g.setFill(FxPainter.rgba(axisStroke()).times(0.2));
        g.fillRect(x0, area.y(), x1 - x0, area.height());
    }

    /** The other sources' stop-the-world moments as faint lines to line the lane's events up with, and the shift so far. */
    private void drawShift(dev.gcscope.render.Painter g, PlotArea area) {
        // the area's scale is the moved one: a moment of the other lanes' clock is drawn where it is in them
        g.setStroke(FxPainter.rgba(bar.get()).times(0.3));
        g.setLineWidth(1);
        for (double m : shift.guides()) {
            double px = Math.round(area.xScale().toPixel(m - shift.seconds())) + 0.5;
            if (px >= area.x() && px <= area.right()) g.strokeLine(px, area.y(), px, area.bottom());
        }
        g.setFill(FxPainter.rgba(textFill()));
        g.setTextAlign(dev.gcscope.render.TextAlign.RIGHT);
        // at the bottom: the lane's title is along the top
        g.setTextBaseline(dev.gcscope.render.TextBaseline.BOTTOM);
        g.fillText(String.format(java.util.Locale.ROOT, "shift %+.4f s, ± %s s (Esc cancels)", vm.shiftOf(shift.file()) + (shift.dragging() ? shift.seconds() : 0),
                dev.gcscope.format.PlainNumbers.rounded(shift.pixelS(), 4)), area.right() - 4, area.bottom() - 3);
    }

    /** Shows this lane's readout at the shared hover time, wherever the pointer is. */
    private void followHover() {
        double x = hoverX.get();
        Optional<PlotArea> area = plotArea();
        if (Double.isNaN(x) || area.isEmpty()) {
            clearHover();
            return;
        }
        PlotArea a = area.get();
        double px = a.xScale().toPixel(x);
        if (px < a.x() || px > a.right()) {
            clearHover();
        } else {
            hover(px, a.y() + 2);
        }
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS_META_DATA;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return getClassCssMetaData();
    }
}
