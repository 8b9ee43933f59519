package dev.gcscope.render.plot;

/** Pixel arithmetic shared by the charts and their layers. */
public final class Pixels {
    private Pixels() {}

    /** Centres a 1-pixel line on a pixel, so it is drawn sharp rather than smeared over two. */
    public static double snap(double v) {
        return Math.floor(v) + 0.5;
    }
}
