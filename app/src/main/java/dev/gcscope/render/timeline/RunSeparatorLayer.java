package dev.gcscope.render.timeline;

import static dev.gcscope.render.plot.Pixels.snap;

import dev.gcscope.render.Painter;
import dev.gcscope.render.TextAlign;
import dev.gcscope.render.TextBaseline;
import dev.gcscope.render.plot.PlotArea;

/**
 * Where each run after the first starts (runs are laid end to end on the x axis): a dashed line
 * labelled "run N" at the top, in {@code -chart-separator-stroke}.
 */
final class RunSeparatorLayer implements TimelineLayer {
    private final double[] runStartX;

    RunSeparatorLayer(double[] runStartX) {
        this.runStartX = runStartX;
    }

    @Override
    public void draw(Painter g, TimelineFrame f) {
        if (runStartX.length == 0) return;
        PlotArea area = f.area();
        g.setStroke(f.colours().separatorStroke());
        g.setFill(f.colours().separatorStroke());
        g.setLineWidth(1);
        g.setLineDashes(6, 4);
        g.setFont(f.labelFont());
        g.setTextAlign(TextAlign.LEFT);
        g.setTextBaseline(TextBaseline.TOP);
        for (int r = 0; r < runStartX.length; r++) {
            double px = snap(area.xScale().toPixel(runStartX[r]));
            if (px < area.x() || px > area.right()) continue;
            g.strokeLine(px, area.y(), px, area.bottom());
            g.fillText("run " + (r + 2), px + 4, area.y() + 2);
        }
        g.setLineDashes((double[]) null);
    }
}
