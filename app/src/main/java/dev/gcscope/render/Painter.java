package dev.gcscope.render;

/**
 * What a chart draws with: the part of JavaFX's {@code GraphicsContext} gcscope's charts use, with
 * the same meaning, so one renderer draws a chart on a canvas, into a bitmap or into an SVG file.
 * Coordinates are in the chart's pixels (y down); colours are {@link Rgba}; {@link #save()} and
 * {@link #restore()} keep every attribute below (colours, line, font, text placement, alpha,
 * transform, clip), as the canvas does.
 *
 * <p>Lines are drawn with square caps and mitred joins, the canvas's defaults; a 1-pixel line is
 * sharp when centred on a pixel ({@code ui.chart} and the layers snap to {@code n + 0.5}).
 */
public interface Painter extends TextMetrics {
    void setFill(Rgba colour);

    void setStroke(Rgba colour);

    void setLineWidth(double width);

    /** Dash lengths, on then off; null or none for a solid line. */
    void setLineDashes(double... dashes);

    /** Multiplies the opacity of everything drawn from now on (1: as the colours say). */
    void setGlobalAlpha(double alpha);

    void setFont(ChartFont font);

    void setTextAlign(TextAlign align);

    void setTextBaseline(TextBaseline baseline);

    void save();

    void restore();

    void translate(double x, double y);

    /** Turns what is drawn next by {@code degrees}, clockwise on screen (y down), about the origin. */
    void rotate(double degrees);

    /** Limits what is drawn next to the rectangle (until the {@link #restore()} matching a {@link #save()}). */
    void clipRect(double x, double y, double width, double height);

    void fillRect(double x, double y, double width, double height);

    void strokeRect(double x, double y, double width, double height);

    void strokeLine(double x1, double y1, double x2, double y2);

    void fillOval(double x, double y, double width, double height);

    void strokeOval(double x, double y, double width, double height);

    void fillPolygon(double[] xs, double[] ys, int points);

    void strokePolygon(double[] xs, double[] ys, int points);

    /** Starts a new path for {@link #moveTo}, {@link #lineTo} and {@link #stroke()}. */
    void beginPath();

    void moveTo(double x, double y);

    void lineTo(double x, double y);

    /** Strokes the current path with the stroke colour, width and dashes. */
    void stroke();

    /** Draws {@code text} in the fill colour and font at ({@code x}, {@code y}), placed by the text align and baseline. */
    void fillText(String text, double x, double y);

    /**
     * Sets a block of whole pixels, one colour each ({@code 0xAARRGGBB}; 0 leaves a pixel as it was),
     * row after row: a heatmap with more cells than pixels. Unlike the other calls it ignores the
     * alpha and blends nothing, as a canvas's pixel writer does.
     */
    void fillPixels(int x, int y, int width, int height, int[] argb);
}
