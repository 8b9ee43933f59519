package dev.gcscope.ui.chart;

import static dev.gcscope.ui.chart.Pixels.snap;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Paint;

/**
 * The marks of the hovered point on a chart's overlay: a dashed crosshair at the pointer (or a
 * dashed line at the point, for charts without a crosshair) and a ring around the point. Draws on the
 * GraphicsContext it is given with the colours it was made with.
 */
record CrosshairLayer(Paint axisStroke, Paint textFill) {
    private static final double RING_RADIUS = 5;

    /** Dashed lines across the plot through the pointer at ({@code x}, {@code y}). */
    void drawCrosshair(GraphicsContext g, PlotArea area, double x, double y) {
        g.setStroke(axisStroke);
        g.setLineWidth(1);
        g.setLineDashes(3, 3);
        g.strokeLine(snap(x), area.y(), snap(x), area.bottom());
        g.strokeLine(area.x(), snap(y), area.right(), snap(y));
        g.setLineDashes((double[]) null);
    }

    /** A dashed vertical line through the point, for charts that pick without a crosshair. */
    void drawPickLine(GraphicsContext g, PlotArea area, HoverPoint p) {
        g.setStroke(axisStroke);
        g.setLineWidth(1);
        g.setLineDashes(3, 3);
        g.strokeLine(snap(p.px()), area.y(), snap(p.px()), area.bottom());
        g.setLineDashes((double[]) null);
    }

    /** The ring around the point. */
    void drawRing(GraphicsContext g, HoverPoint p) {
        g.setStroke(textFill);
        g.setLineWidth(1.5);
        g.strokeOval(p.px() - RING_RADIUS, p.py() - RING_RADIUS, 2 * RING_RADIUS, 2 * RING_RADIUS);
    }
}
