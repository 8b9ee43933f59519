package dev.gcscope.ui.timeline;

import dev.gcscope.render.plot.PlotArea;
import dev.gcscope.render.plot.TimeRange;
import java.util.Optional;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

/**
 * The mouse on a timeline, turned into viewport and selection commands: the wheel zooms around the
 * pointer; dragging with the primary button selects a time range; Shift- or Ctrl-drag, or dragging
 * with the middle button, pans; a double click shows everything. It draws nothing: the chart asks it
 * for the {@linkplain #rubberBand rubber band} of a selection being dragged.
 */
final class TimelineMouse {
    /** Pixels the pointer must move before a press becomes a selection rather than a click. */
    static final double DRAG_THRESHOLD = 3;
    /** Zoom per wheel notch. */
    private static final double WHEEL_ZOOM_PER_NOTCH = 0.8;

    /** The pixels a selection being dragged covers, {@code left <= right}. */
    record Band(double left, double right) {}

    private enum Drag { NONE, SELECT, PAN }

    private final TimelineChart chart;
    private final TimelineViewport viewport;
    private Drag drag = Drag.NONE;
    private double pressX;
    private double dragX;
    private TimeRange pressRange;

    private TimelineMouse(TimelineChart chart, TimelineViewport viewport) {
        this.chart = chart;
        this.viewport = viewport;
    }

    /** Handles the mouse on {@code chart}; returns the handler, which knows the drag in progress. */
    static TimelineMouse install(TimelineChart chart, TimelineViewport viewport) {
        TimelineMouse m = new TimelineMouse(chart, viewport);
        chart.addEventHandler(MouseEvent.MOUSE_PRESSED, m::pressed);
        chart.addEventHandler(MouseEvent.MOUSE_DRAGGED, m::dragged);
        chart.addEventHandler(MouseEvent.MOUSE_RELEASED, m::released);
        chart.addEventHandler(MouseEvent.MOUSE_CLICKED, m::clicked);
        chart.addEventHandler(ScrollEvent.SCROLL, m::scrolled);
        return m;
    }

    /** The rubber band of a selection being dragged over {@code area}, if one is. */
    Optional<Band> rubberBand(PlotArea area) {
        if (drag != Drag.SELECT || Math.abs(dragX - pressX) < DRAG_THRESHOLD) return Optional.empty();
        return Optional.of(new Band(clampToArea(area, Math.min(pressX, dragX)), clampToArea(area, Math.max(pressX, dragX))));
    }

    private void pressed(MouseEvent e) {
        chart.requestFocus();
        Optional<PlotArea> area = chart.plotArea();
        if (area.isEmpty() || !area.get().contains(e.getX(), e.getY())) return;
        boolean panButton = e.getButton() == MouseButton.MIDDLE
                || (e.getButton() == MouseButton.PRIMARY && (e.isShiftDown() || e.isControlDown() || e.isShortcutDown()));
        if (panButton) drag = Drag.PAN;
        else if (e.getButton() == MouseButton.PRIMARY) drag = Drag.SELECT;
        else return;
        pressX = e.getX();
        dragX = e.getX();
        pressRange = viewport.shown();
        e.consume();
    }

    private void dragged(MouseEvent e) {
        // a drag moves no MOUSE_MOVED: the crosshair follows it from here
        chart.hover(e.getX(), e.getY());
        if (drag == Drag.NONE) return;
        dragX = e.getX();
        if (drag == Drag.PAN) {
            PlotArea area = chart.plotArea().orElse(null);
            if (area == null || pressRange == null) return;
            viewport.dragFrom(pressRange, dragX - pressX, area.width());
        } else {
            chart.overlayChanged();
        }
        e.consume();
    }

    private void released(MouseEvent e) {
        Drag was = drag;
        drag = Drag.NONE;
        if (was == Drag.SELECT && Math.abs(e.getX() - pressX) >= DRAG_THRESHOLD) {
            PlotArea area = chart.plotArea().orElse(null);
            if (area != null) {
                double a = clampToArea(area, pressX);
                double b = clampToArea(area, e.getX());
                chart.selectionProperty().set(new TimeRange(area.xScale().toValue(a), area.xScale().toValue(b)));
            }
        }
        chart.overlayChanged();
    }

    private void clicked(MouseEvent e) {
        if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) viewport.showAll();
    }

    private void scrolled(ScrollEvent e) {
        PlotArea area = chart.plotArea().orElse(null);
        if (area == null || e.getDeltaY() == 0) return;
        // From the range shown rather than the last drawn scale: several wheel events can arrive
        // before the next redraw, and each must zoom about the same point.
        double fraction = (clampToArea(area, e.getX()) - area.x()) / area.width();
        // deltaY is in pixels, the platform's notch times its multiplier (40 on Windows, 1 on Monocle);
        // dividing it out makes a notch zoom as much everywhere, and a trackpad's fractions smoothly.
        double notches = e.getMultiplierY() > 0 ? e.getDeltaY() / e.getMultiplierY() : Math.signum(e.getDeltaY());
        viewport.zoomAt(fraction, Math.pow(WHEEL_ZOOM_PER_NOTCH, notches));
        e.consume();
    }

    private static double clampToArea(PlotArea area, double px) {
        return Math.max(area.x(), Math.min(area.right(), px));
    }
}
