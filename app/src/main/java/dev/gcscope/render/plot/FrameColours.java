package dev.gcscope.render.plot;

import dev.gcscope.render.Rgba;

/**
 * The colours of what surrounds a chart's data ({@code -chart-plot-fill}, {@code -chart-grid-stroke},
 * {@code -chart-axis-stroke}, {@code -chart-text-fill} on screen).
 */
public record FrameColours(Rgba plotFill, Rgba gridStroke, Rgba axisStroke, Rgba textFill) {}
