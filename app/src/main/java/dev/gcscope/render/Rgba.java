package dev.gcscope.render;

import java.util.Locale;

/**
 * A colour with opacity, each channel in 0..1. The channels are floats, as JavaFX's {@code Color}
 * holds them, so a colour converted either way is the same colour and {@link #interpolate} blends
 * exactly as {@code Color.interpolate} does: a chart drawn from these values gives the same pixels on
 * a canvas and in a file.
 */
public record Rgba(float red, float green, float blue, float opacity) {
    public static final Rgba WHITE = new Rgba(1, 1, 1, 1);
    public static final Rgba BLACK = new Rgba(0, 0, 0, 1);
    public static final Rgba GRAY = rgb(128, 128, 128);
    public static final Rgba TRANSPARENT = new Rgba(0, 0, 0, 0);

    public Rgba {
        if (!(red >= 0 && red <= 1 && green >= 0 && green <= 1 && blue >= 0 && blue <= 1 && opacity >= 0 && opacity <= 1)) {
            throw new IllegalArgumentException("channel out of 0..1: " + red + ", " + green + ", " + blue + ", " + opacity);
        }
    }

    /** From 0..255 channels, opaque (JavaFX's {@code Color.rgb}). */
    public static Rgba rgb(int r, int g, int b) {
        return rgb(r, g, b, 1);
    }

    public static Rgba rgb(int r, int g, int b, double opacity) {
        return new Rgba((float) (r / 255.0), (float) (g / 255.0), (float) (b / 255.0), (float) opacity);
    }

    /** {@code #rrggbb}, as the stylesheet writes its colours. */
    public static Rgba hex(String hex) {
        if (!hex.matches("#[0-9a-fA-F]{6}")) throw new IllegalArgumentException("not #rrggbb: " + hex);
        int v = Integer.parseInt(hex.substring(1), 16);
        return rgb(v >> 16 & 0xff, v >> 8 & 0xff, v & 0xff);
    }

    /**
     * The colour {@code t} of the way to {@code end}, in float arithmetic as JavaFX's
     * {@code Color.interpolate} does it (0 gives this colour, 1 gives {@code end}).
     */
    public Rgba interpolate(Rgba end, double t) {
        if (t <= 0) return this;
        if (t >= 1) return end;
        float ft = (float) t;
        return new Rgba(red + (end.red - red) * ft, green + (end.green - green) * ft, blue + (end.blue - blue) * ft,
                opacity + (end.opacity - opacity) * ft);
    }

    /** The same colour with opacity multiplied by {@code alpha}. */
    public Rgba times(double alpha) {
        return new Rgba(red, green, blue, (float) (opacity * Math.max(0, Math.min(1, alpha))));
    }

    /** 0..255, rounded as JavaFX rounds a channel to a byte. */
    public int red8() {
        return to8(red);
    }

    public int green8() {
        return to8(green);
    }

    public int blue8() {
        return to8(blue);
    }

    public int opacity8() {
        return to8(opacity);
    }

    /** Packed {@code 0xAARRGGBB}. */
    public int argb() {
        return opacity8() << 24 | red8() << 16 | green8() << 8 | blue8();
    }

    /** {@code #rrggbb} (the opacity left out). */
    public String hex() {
        return String.format(Locale.ROOT, "#%02x%02x%02x", red8(), green8(), blue8());
    }

    private static int to8(float v) {
        return (int) Math.round(v * 255.0);
    }
}
