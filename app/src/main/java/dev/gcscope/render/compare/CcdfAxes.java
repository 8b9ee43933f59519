package dev.gcscope.render.compare;

import static dev.gcscope.render.plot.Pixels.snap;

import dev.gcscope.render.Painter;
import dev.gcscope.render.Rgba;
import dev.gcscope.render.TextAlign;
import dev.gcscope.render.TextBaseline;
import dev.gcscope.render.plot.PlotArea;

/**
 * What the complementary CDF overlays share, the pauses' and the scheduling delays': both axes
 * logarithmic (a duration in ms across, the share of values at least that long up), and dotted
 * lines at the shares where a curve crossing reads as a percentile.
 */
final class CcdfAxes {
    /** A curve of no more points than this also marks each point with a dot. */
    private static final int MAX_DOTS = 150;

    private CcdfAxes() {}

    /** One side's curve through ({@code ms[k]}, {@code share[k]}), with its points dotted when they are few. */
    static void drawCurve(Painter g, PlotArea area, double[] ms, double[] share, Rgba colour) {
        g.setStroke(colour);
        g.setFill(colour);
        g.setLineWidth(2);
        g.beginPath();
        for (int k = 0; k < ms.length; k++) {
            double px = px(area, ms[k]), py = py(area, share[k]);
            if (k == 0) g.moveTo(px, py);
            else g.lineTo(px, py);
        }
        g.stroke();
        if (ms.length <= MAX_DOTS) {
            for (int k = 0; k < ms.length; k++) g.fillOval(px(area, ms[k]) - 2.5, py(area, share[k]) - 2.5, 5, 5);
        }
    }

    /** Where a duration of {@code ms} is drawn, in chart coordinates. */
    static double px(PlotArea a, double ms) {
        return a.xScale().toPixel(Math.log10(ms));
    }

    /** Where a share (0–1] is drawn. */
    static double py(PlotArea a, double share) {
        return a.yScale().toPixel(Math.log10(share));
    }

    /** A dotted line across the plot at each of {@code shares}, named at its right end ("P99" at 0.01). */
    static void drawReferences(Painter g, PlotArea area, OverlayStyle style, double[] shares, String[] names) {
        g.setFont(style.font());
        g.setLineWidth(1);
        g.setLineDashes(2, 4);
        g.setTextAlign(TextAlign.RIGHT);
        g.setTextBaseline(TextBaseline.BOTTOM);
        for (int r = 0; r < shares.length; r++) {
            double py = py(area, shares[r]);
            if (py < area.y() || py > area.bottom()) continue;
            py = snap(py);
            g.setStroke(style.frame().axisStroke());
            g.strokeLine(area.x(), py, area.right(), py);
            g.setFill(style.frame().textFill());
            g.fillText(names[r], area.right() - 4, py - 2);
        }
        g.setLineDashes((double[]) null);
    }
}
