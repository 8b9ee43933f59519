package dev.gcscope.render.plot;

import dev.gcscope.render.Painter;
import java.util.List;

/**
 * Charts stacked top to bottom over one x axis, drawn as one picture (the GC CPU view: mark CPU over
 * the GC CPU share): each part gets its share of the height, and every plot starts at the x the
 * widest y labels need, so a moment is the same pixel column in each, as in the window.
 *
 * @param parts top to bottom
 * @param shares of the height, one per part (any positive numbers; they are normalised)
 */
public record StackedCharts(List<FramedChart> parts, List<Double> shares) implements ChartDrawing {
    public StackedCharts {
        parts = List.copyOf(parts);
        shares = List.copyOf(shares);
        if (parts.isEmpty() || parts.size() != shares.size()) throw new IllegalArgumentException(parts.size() + " parts, " + shares.size() + " shares");
    }

    @Override
    public void paint(Painter g, double width, double height) {
        double total = shares.stream().mapToDouble(Double::doubleValue).sum();
        double[] heights = new double[parts.size()];
        double used = 0;
        for (int i = 0; i < heights.length; i++) {
            // whole pixels, the last part taking what rounding left
            heights[i] = i == heights.length - 1 ? height - used : Math.round(height * shares.get(i) / total);
            used += heights[i];
        }
        double left = 0;
        for (int i = 0; i < heights.length; i++) {
            FramedChart p = parts.get(i);
            double natural = PlotFrame.naturalPlotLeft(g, width, heights[i], p.style(), p.content());
            if (!Double.isNaN(natural)) left = Math.max(left, natural);
        }
        double y = 0;
        for (int i = 0; i < heights.length; i++) {
            g.save();
            g.translate(0, y);
            // not clipped to its share: in a short picture (a report's) a part's rotated y title may be
            // taller than its plot, and reaches into the margin beside the part above; the data are
            // clipped to each plot by PlotFrame
            parts.get(i).alignedAt(left).paint(g, width, heights[i]);
            g.restore();
            y += heights[i];
        }
    }
}
