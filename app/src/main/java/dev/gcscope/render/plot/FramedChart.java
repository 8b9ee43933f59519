package dev.gcscope.render.plot;

import dev.gcscope.render.Painter;

/**
 * One chart with its frame: the {@link PlotContent} laid out and drawn by {@link PlotFrame}.
 *
 * @param placeholder what the chart says when it has no data
 */
public record FramedChart(PlotContent content, FrameStyle style, String placeholder) implements ChartDrawing {
    @Override
    public void paint(Painter g, double width, double height) {
        PlotFrame.paint(g, width, height, style, content, placeholder);
    }

    /** The same chart with its plot starting no further left than {@code left}. */
    public FramedChart alignedAt(double left) {
        return new FramedChart(content, style.withMinPlotLeft(left), placeholder);
    }
}
