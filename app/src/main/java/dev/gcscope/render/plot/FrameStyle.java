package dev.gcscope.render.plot;

import dev.gcscope.render.ChartFont;

/**
 * How a chart's frame looks: its colours, the font of its labels and titles, the room around it.
 *
 * @param minPlotLeft the plot starts no further left than this (charts stacked over one time axis
 *                    line their plots up); 0 for a chart on its own
 */
public record FrameStyle(FrameColours colours, ChartFont font, Padding padding, double minPlotLeft) {
    public FrameStyle withMinPlotLeft(double left) {
        return new FrameStyle(colours, font, padding, left);
    }
}
