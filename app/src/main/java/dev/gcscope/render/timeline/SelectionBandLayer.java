package dev.gcscope.render.timeline;

import static dev.gcscope.render.plot.Pixels.snap;

import dev.gcscope.render.Painter;
import dev.gcscope.render.plot.LinearScale;
import dev.gcscope.render.plot.PlotArea;
import dev.gcscope.render.plot.TimeRange;

/**
 * The selected time range: a translucent band behind the data ({@link #UNDER}), its edges as lines
 * over it ({@link #OVER}), and the rubber band of a selection being dragged ({@link #drawRubberBand}).
 * Colours {@code -chart-selection-fill} and {@code -chart-selection-stroke}.
 */
public final class SelectionBandLayer {
    /** The band, drawn before the data so that every bar and line shows through it. */
    static final TimelineLayer UNDER = SelectionBandLayer::drawBand;
    /** The edges, drawn after the data so that a bar at the edge cannot hide them. */
    static final TimelineLayer OVER = SelectionBandLayer::drawEdges;

    private SelectionBandLayer() {}

    private static void drawBand(Painter g, TimelineFrame f) {
        TimeRange sel = f.selection();
        if (sel == null) return;
        PlotArea area = f.area();
        LinearScale xs = area.xScale();
        // kept near the plot (the clip hides the rest): zoomed far in, an edge can be millions of pixels away
        double a = Math.max(area.x() - 2, xs.toPixel(sel.from()));
        double b = Math.min(area.right() + 2, xs.toPixel(sel.to()));
        if (b < a) return;
        g.setFill(f.colours().selectionFill());
        g.fillRect(a, area.y(), Math.max(1, b - a), area.height());
    }

    private static void drawEdges(Painter g, TimelineFrame f) {
        TimeRange sel = f.selection();
        if (sel == null) return;
        PlotArea area = f.area();
        LinearScale xs = area.xScale();
        g.setStroke(f.colours().selectionStroke());
        g.setLineWidth(1);
        g.strokeLine(snap(xs.toPixel(sel.from())), area.y(), snap(xs.toPixel(sel.from())), area.bottom());
        g.strokeLine(snap(xs.toPixel(sel.to())), area.y(), snap(xs.toPixel(sel.to())), area.bottom());
    }

    /** The rubber band from pixel {@code left} to {@code right} of a selection being dragged. */
    public static void drawRubberBand(Painter g, TimelineColours colours, PlotArea area, double left, double right) {
        g.setFill(colours.selectionFill());
        g.fillRect(left, area.y(), right - left, area.height());
        g.setStroke(colours.selectionStroke());
        g.setLineWidth(1);
        g.strokeRect(snap(left), snap(area.y()), Math.floor(right - left), Math.floor(area.height()));
    }
}
