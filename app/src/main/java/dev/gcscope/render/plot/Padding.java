package dev.gcscope.render.plot;

/** Room left around a chart, in pixels (the chart's CSS padding on screen). */
public record Padding(double top, double right, double bottom, double left) {
    public static final Padding NONE = new Padding(0, 0, 0, 0);
}
