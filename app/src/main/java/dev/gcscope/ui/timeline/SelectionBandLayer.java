package dev.gcscope.ui.timeline;

import static dev.gcscope.ui.chart.Pixels.snap;

import dev.gcscope.ui.chart.LinearScale;
import dev.gcscope.ui.chart.PlotArea;
import dev.gcscope.ui.chart.TimeRange;
import javafx.scene.canvas.GraphicsContext;

/**
 * The selected time range: a translucent band behind the data ({@link #under}), its edges as lines
 * over it ({@link #over}), and the rubber band of a selection being dragged ({@link #drawRubberBand}).
 * Colours {@code -chart-selection-fill} and {@code -chart-selection-stroke}.
 */
final class SelectionBandLayer {
    /** The band, drawn before the data so that every bar and line shows through it. */
    final TimelineLayer under = this::drawBand;
    /** The edges, drawn after the data so that a bar at the edge cannot hide them. */
    final TimelineLayer over = this::drawEdges;

    private final TimelinePaints paints;

    SelectionBandLayer(TimelinePaints paints) {
        this.paints = paints;
    }

    private void drawBand(GraphicsContext g, TimelineFrame f) {
        TimeRange sel = f.selection();
        if (sel == null) return;
        PlotArea area = f.area();
        LinearScale xs = area.xScale();
        // kept near the plot (the clip hides the rest): zoomed far in, an edge can be millions of pixels away
        double a = Math.max(area.x() - 2, xs.toPixel(sel.from()));
        double b = Math.min(area.right() + 2, xs.toPixel(sel.to()));
        if (b < a) return;
        g.setFill(paints.selectionFill());
        g.fillRect(a, area.y(), Math.max(1, b - a), area.height());
    }

    private void drawEdges(GraphicsContext g, TimelineFrame f) {
        TimeRange sel = f.selection();
        if (sel == null) return;
        PlotArea area = f.area();
        LinearScale xs = area.xScale();
        g.setStroke(paints.selectionStroke());
        g.setLineWidth(1);
        g.strokeLine(snap(xs.toPixel(sel.from())), area.y(), snap(xs.toPixel(sel.from())), area.bottom());
        g.strokeLine(snap(xs.toPixel(sel.to())), area.y(), snap(xs.toPixel(sel.to())), area.bottom());
    }

    /** The rubber band from pixel {@code left} to {@code right} of a selection being dragged. */
    void drawRubberBand(GraphicsContext g, PlotArea area, double left, double right) {
        g.setFill(paints.selectionFill());
        g.fillRect(left, area.y(), right - left, area.height());
        g.setStroke(paints.selectionStroke());
        g.setLineWidth(1);
        g.strokeRect(snap(left), snap(area.y()), Math.floor(right - left), Math.floor(area.height()));
    }
}
