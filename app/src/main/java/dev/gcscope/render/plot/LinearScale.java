package dev.gcscope.render.plot;

/**
 * Maps a data interval onto a pixel interval and back. The pixel interval may run backwards (a y
 * axis maps its minimum to the bottom pixel).
 *
 * @param dataMin data value at {@code pixelAtMin}
 * @param dataMax data value at {@code pixelAtMax}
 */
public record LinearScale(double dataMin, double dataMax, double pixelAtMin, double pixelAtMax) {

    public LinearScale {
        if (!(dataMax > dataMin)) throw new IllegalArgumentException("empty data range " + dataMin + ".." + dataMax);
    }

    public double toPixel(double value) {
        return pixelAtMin + (value - dataMin) * pixelsPerUnit();
    }

    public double toValue(double pixel) {
        return dataMin + (pixel - pixelAtMin) / pixelsPerUnit();
    }

    /** Signed: negative for a y axis that grows upwards. */
    public double pixelsPerUnit() {
        return (pixelAtMax - pixelAtMin) / (dataMax - dataMin);
    }
}
