package dev.gcscope.render.plot;

/**
 * The rectangle data is drawn in, in the chart's coordinates, and the scales that map data into it.
 */
public record PlotArea(double x, double y, double width, double height, LinearScale xScale, LinearScale yScale) {

    public boolean contains(double px, double py) {
        return px >= x && px <= x + width && py >= y && py <= y + height;
    }

    public double right() {
        return x + width;
    }

    public double bottom() {
        return y + height;
    }
}
