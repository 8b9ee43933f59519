package dev.gcscope.render;

/**
 * How large text is in the current font, for laying out axes: the same measure on screen (JavaFX's
 * text layout) and in an export (AWT's font metrics of the same face and size).
 */
public interface TextMetrics {
    /** Advance width of {@code text} in pixels. */
    double textWidth(String text);

    /** Height of a line of text (ascent plus descent) in pixels. */
    double lineHeight();
}
