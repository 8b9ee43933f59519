package dev.gcscope.ui.timeline;

import static dev.gcscope.ui.chart.Pixels.snap;

import dev.gcscope.ui.chart.PlotArea;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

/**
 * Where each run after the first starts (runs are laid end to end on the x axis): a dashed line
 * labelled "run N" at the top, in {@code -chart-separator-stroke}.
 */
final class RunSeparatorLayer implements TimelineLayer {
    private final double[] runStartX;
    private final TimelinePaints paints;

    RunSeparatorLayer(double[] runStartX, TimelinePaints paints) {
        this.runStartX = runStartX;
        this.paints = paints;
    }

    @Override
    public void draw(GraphicsContext g, TimelineFrame f) {
        if (runStartX.length == 0) return;
        PlotArea area = f.area();
        g.setStroke(paints.separatorStroke());
        g.setFill(paints.separatorStroke());
        g.setLineWidth(1);
        g.setLineDashes(6, 4);
        g.setFont(paints.labelFont());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        for (int r = 0; r < runStartX.length; r++) {
            double px = snap(area.xScale().toPixel(runStartX[r]));
            if (px < area.x() || px > area.right()) continue;
            g.strokeLine(px, area.y(), px, area.bottom());
            g.fillText("run " + (r + 2), px + 4, area.y() + 2);
        }
        g.setLineDashes((double[]) null);
    }
}
