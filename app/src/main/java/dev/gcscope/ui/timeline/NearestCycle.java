package dev.gcscope.ui.timeline;

import dev.gcscope.render.plot.HoverPoint;
import dev.gcscope.render.plot.LinearScale;
import dev.gcscope.render.plot.PlotArea;
import dev.gcscope.render.plot.StwSeries;
import dev.gcscope.render.timeline.TimelineClock;
import dev.gcscope.render.timeline.TimelineCycles;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * Hit-testing on a timeline: the cycle the readout shows for the pointer. Of the cycles within a few
 * pixels along x, the one whose plotted value is closest to the pointer (ties to the higher one); if
 * none is that close, the one nearest along x.
 */
final class NearestCycle {
    /** How far from the pointer, in pixels, cycles compete to be the one the readout shows. */
    static final double PICK_RADIUS = 8;

    /** Of the values a chart draws for a row, the one the pointer is measured to. */
    @FunctionalInterface
    interface RowY {
        /** The value of row {@code i} nearest {@code pointerY} (a y value; NaN: the highest); NaN when it has none. */
        double pickY(int i, double pointerY);
    }

    private final StwSeries layout;
    private final RowY rowY;
    private final java.util.function.BooleanSupplier logY;

    /** @param logY whether the y axis is logarithmic now (its scale then maps log10 of the value) */
    NearestCycle(StwSeries layout, RowY rowY, java.util.function.BooleanSupplier logY) {
        this.layout = layout;
        this.rowY = rowY;
        this.logY = logY;
    }

    private double yValue(PlotArea area, double py) {
        double v = area.yScale().toValue(py);
        return logY.getAsBoolean() ? Math.pow(10, v) : v;
    }

    private double yPixel(PlotArea area, double y) {
        if (!logY.getAsBoolean()) return area.yScale().toPixel(y);
        return y > 0 ? area.yScale().toPixel(Math.log10(y)) : area.bottom();
    }

    /**
     * The cycle for the pointer at ({@code px}, {@code py}) among rows {@code [from, to)} in view, where
     * its ring is drawn, and its readout; empty when there is none.
     */
    Optional<HoverPoint> pick(double px, double py, PlotArea area, int from, int to, IntFunction<String> readout) {
        if (layout.isEmpty()) return Optional.empty();
        int best = nearestRow(px, py, area, from, to);
        if (best < 0) return Optional.empty();
        double y = rowY.pickY(best, yValue(area, py));
        double bx = area.xScale().toPixel(layout.x()[best]);
        double by = Double.isNaN(y) ? area.bottom() : Math.max(area.y(), yPixel(area, y));
        return Optional.of(new HoverPoint(bx, by, best, readout.apply(best)));
    }

    /** The row for the pointer at ({@code px}, {@code py}) among rows {@code [from, to)}, −1 for none. */
    int nearestRow(double px, double py, PlotArea area, int from, int to) {
        double[] x = layout.x();
        LinearScale xs = area.xScale();
        int lo = from;
        int hi = to;
        if (layout.xSorted()) {
            lo = Math.max(from, TimelineCycles.lowerBound(x, xs.toValue(px - PICK_RADIUS)));
            hi = Math.min(to, TimelineCycles.lowerBound(x, Math.nextUp(xs.toValue(px + PICK_RADIUS))));
        }
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        double bestY = Double.NaN;
        double pointerY = yValue(area, py);
        for (int i = lo; i < hi; i++) {
            double dx = xs.toPixel(x[i]) - px;
            if (Math.abs(dx) > PICK_RADIUS) continue;
            double y = rowY.pickY(i, pointerY);
            double dy = Double.isNaN(y) ? area.height() : yPixel(area, y) - py;
            double d = dx * dx + dy * dy;
            if (d < bestDistance || (d == bestDistance && best >= 0 && y > bestY)) {
                best = i;
                bestDistance = d;
                bestY = y;
            }
        }
        if (best >= 0 || from >= to) return best;
        // Nothing within reach: the nearest cycle in view along x.
        double value = xs.toValue(px);
        if (!layout.xSorted()) return -1;
        int i = Math.min(Math.max(TimelineCycles.lowerBound(x, value), from), to - 1);
        if (i > from && value - x[i - 1] < x[i] - value) i--;
        return i;
    }
}
