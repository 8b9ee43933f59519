package dev.gcscope.render.plot;

import static dev.gcscope.render.plot.Pixels.snap;

import dev.gcscope.render.Painter;
import dev.gcscope.render.Rgba;

/**
 * The marks of the hovered point on a chart's overlay: a dashed crosshair at the pointer (or a
 * dashed line at the point, for charts without a crosshair) and a ring around the point.
 */
public record CrosshairLayer(Rgba axisStroke, Rgba textFill) {
    private static final double RING_RADIUS = 5;

    /** Dashed lines across the plot through the pointer at ({@code x}, {@code y}). */
    public void drawCrosshair(Painter g, PlotArea area, double x, double y) {
        g.setStroke(axisStroke);
        g.setLineWidth(1);
        g.setLineDashes(3, 3);
        g.strokeLine(snap(x), area.y(), snap(x), area.bottom());
        g.strokeLine(area.x(), snap(y), area.right(), snap(y));
        g.setLineDashes((double[]) null);
    }

    /** A dashed vertical line through the point, for charts that pick without a crosshair. */
    public void drawPickLine(Painter g, PlotArea area, HoverPoint p) {
        g.setStroke(axisStroke);
        g.setLineWidth(1);
        g.setLineDashes(3, 3);
        g.strokeLine(snap(p.px()), area.y(), snap(p.px()), area.bottom());
        g.setLineDashes((double[]) null);
    }

    /** The ring around the point. */
    public void drawRing(Painter g, HoverPoint p) {
        g.setStroke(textFill);
        g.setLineWidth(1.5);
        g.strokeOval(p.px() - RING_RADIUS, p.py() - RING_RADIUS, 2 * RING_RADIUS, 2 * RING_RADIUS);
    }
}
