package dev.gcscope.render.plot;

/**
 * The data point under the pointer, as a chart found it.
 *
 * @param px where it is drawn, in chart coordinates
 * @param py where it is drawn, in chart coordinates
 * @param index the point's index in the chart's series
 * @param text the readout, one fact per line
 */
public record HoverPoint(double px, double py, int index, String text) {}
