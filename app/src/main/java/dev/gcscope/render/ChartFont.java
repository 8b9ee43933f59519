package dev.gcscope.render;

/**
 * The font of a chart's labels.
 *
 * @param family the family on screen (JavaFX's default, "System"), or a font family name
 * @param size in pixels
 * @param bold drawn bold (the regime numbers in the scatter's rings)
 */
public record ChartFont(String family, double size, boolean bold) {
    /** The family name JavaFX gives its default font, whatever face the platform maps it to. */
    public static final String SYSTEM = "System";
    /** The labels' size when the platform's default font is 13 px (JavaFX on Linux and macOS). */
    public static final double DEFAULT_SIZE = 12;

    public ChartFont {
        if (!(size > 0)) throw new IllegalArgumentException("font size " + size);
    }

    public static ChartFont labels() {
        return new ChartFont(SYSTEM, DEFAULT_SIZE, false);
    }

    public ChartFont asBold() {
        return new ChartFont(family, size, true);
    }
}
