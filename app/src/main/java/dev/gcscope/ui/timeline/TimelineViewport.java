package dev.gcscope.ui.timeline;

import dev.gcscope.render.plot.StwSeries;
import dev.gcscope.render.plot.TimeRange;
import dev.gcscope.render.timeline.TimelinePlot;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.Property;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Which stretch of a timeline's x axis is shown: the whole extent of its cycles (with a little room
 * at each end), or a viewport inside it. Zooming keeps the point it is about where it is, panning
 * and zooming never leave the extent, and a viewport as wide as the extent is "everything" (null),
 * so that the timelines of a document, {@linkplain #link linked} to one property, show the same range.
 *
 * <p>Plain Java over a property (no scene graph), so it works and is tested without a toolkit.
 */
public final class TimelineViewport {
    /** The narrowest viewport, as a fraction of the whole extent: a million cycles zoom to a few. */
    static final double MIN_FRACTION = 1e-7;
    /** A viewport within this fraction of the whole extent's width shows everything. */
    static final double WHOLE_TOLERANCE = 1e-9;

    private final TimeRange full;
    private final ObjectProperty<TimeRange> range = new SimpleObjectProperty<>(this, "viewport");

    /** @param full what an unzoomed timeline shows; null when there is nothing to show */
    public TimelineViewport(TimeRange full) {
        this.full = full;
    }

    /** The viewport of a timeline over {@code layout}'s cycles. */
    public static TimelineViewport over(StwSeries layout) {
        return new TimelineViewport(fullExtent(layout));
    }

    /** The whole extent with a little room at each end; null without cycles. */
    static TimeRange fullExtent(StwSeries s) {
        return TimelinePlot.fullExtent(s);
    }

    /** The viewport, null for everything. */
    public ObjectProperty<TimeRange> rangeProperty() {
        return range;
    }

    /** Shows what {@code shared} shows, and the reverse: the shared zoom of a document's timelines. */
    public void link(Property<TimeRange> shared) {
        range.bindBidirectional(shared);
    }

    /** The whole extent; null without cycles. */
    public TimeRange full() {
        return full;
    }

    /** What is shown now: the viewport, or the whole extent; null without cycles. */
    public TimeRange shown() {
        TimeRange v = range.get();
        return v != null ? v : full;
    }

    /** The x at {@code fraction} of the way across what is shown. */
    public double at(double fraction) {
        TimeRange r = shown();
        return r.from() + fraction * r.length();
    }

    /** The middle of what is shown. */
    public double centre() {
        TimeRange r = shown();
        return (r.from() + r.to()) / 2;
    }

    /** Zooms by {@code factor} (below 1 zooms in) keeping {@code x} where it is on screen. */
    public void zoom(double x, double factor) {
        TimeRange r = shown();
        if (r == null) return;
        double width = Math.max(r.length() * factor, full.length() * MIN_FRACTION);
        double left = x - (x - r.from()) * (width / r.length());
        show(left, width);
    }

    /** Zooms by {@code factor} about the x at {@code fraction} of the way across (the pointer's). */
    public void zoomAt(double fraction, double factor) {
        if (shown() == null) return;
        zoom(at(fraction), factor);
    }

    /** Shifts the view by {@code fraction} of its width (positive moves later in time). */
    public void pan(double fraction) {
        TimeRange r = shown();
        if (r == null) return;
        show(r.from() + r.length() * fraction, r.length());
    }

    /**
     * Shows {@code start} moved by a drag of {@code pixels} (positive: the content follows the pointer
     * right, so earlier times come into view) on a plot {@code plotWidth} pixels wide.
     */
    public void dragFrom(TimeRange start, double pixels, double plotWidth) {
        double unitsPerPixel = start.length() / plotWidth;
        show(start.from() - pixels * unitsPerPixel, start.length());
    }

    public void showAll() {
        range.set(null);
    }

    /** Shows {@code [left, left + width]} kept inside the extent; everything when it is as wide. */
    public void show(double left, double width) {
        if (full == null) return;
        // A zoom in and back out by the same factors lands a rounding error short of the whole
        // extent: that is everything, not a zoom "Whole trace" could still reset.
        if (width >= full.length() * (1 - WHOLE_TOLERANCE)) {
            range.set(null);
            return;
        }
        left = Math.max(full.from(), Math.min(left, full.to() - width));
        range.set(new TimeRange(left, left + width));
    }
}
