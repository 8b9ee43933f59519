package dev.gcscope.ui.chart;

import dev.gcscope.render.ChartFont;
import dev.gcscope.render.Painter;
import dev.gcscope.render.Rgba;
import dev.gcscope.render.TextAlign;
import dev.gcscope.render.TextBaseline;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelWriter;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * The screen's {@link Painter}: each call is the same call on a canvas's {@link GraphicsContext}, so
 * a chart drawn through it looks as it did when it drew on the canvas itself. Text is measured by
 * JavaFX's own layout, in the font the canvas draws with.
 */
public final class FxPainter implements Painter {
    /** The text a line's height is measured on (any digits and letters give the same line). */
    private static final String LINE_SAMPLE = "0.9 ms";

    private final GraphicsContext g;
    private final Text measure = new Text();
    private final Map<ChartFont, Font> fonts = new HashMap<>();
    private final Deque<ChartFont> saved = new ArrayDeque<>();
    private ChartFont font;

    public FxPainter(GraphicsContext g) {
        this.g = g;
    }

    /** The JavaFX colour of {@code c}: the same floats, so the same pixels. */
    public static Color color(Rgba c) {
        return new Color(c.red(), c.green(), c.blue(), c.opacity());
    }

    /** The colour CSS gave a chart, or grey for a paint that is not a plain colour (a gradient). */
    public static Rgba rgba(Paint p) {
        return p instanceof Color c ? new Rgba((float) c.getRed(), (float) c.getGreen(), (float) c.getBlue(), (float) c.getOpacity())
                : Rgba.GRAY;
    }

    /** The JavaFX font of {@code f}. */
    public static Font font(ChartFont f) {
        return Font.font(f.family(), f.bold() ? FontWeight.BOLD : null, null, f.size());
    }

    public GraphicsContext graphics() {
        return g;
    }

    @Override
    public void setFill(Rgba colour) {
        g.setFill(color(colour));
    }

    @Override
    public void setStroke(Rgba colour) {
        g.setStroke(color(colour));
    }

    @Override
    public void setLineWidth(double width) {
        g.setLineWidth(width);
    }

    @Override
    public void setLineDashes(double... dashes) {
        g.setLineDashes(dashes);
    }

    @Override
    public void setGlobalAlpha(double alpha) {
        g.setGlobalAlpha(alpha);
    }

    @Override
    public void setFont(ChartFont f) {
        font = f;
        g.setFont(fxFont(f));
    }

    private Font fxFont(ChartFont f) {
        return fonts.computeIfAbsent(f, FxPainter::font);
    }

    @Override
    public void setTextAlign(TextAlign align) {
        g.setTextAlign(switch (align) {
            case LEFT -> TextAlignment.LEFT;
            case CENTER -> TextAlignment.CENTER;
            case RIGHT -> TextAlignment.RIGHT;
        });
    }

    @Override
    public void setTextBaseline(TextBaseline baseline) {
        g.setTextBaseline(switch (baseline) {
            case TOP -> VPos.TOP;
            case CENTER -> VPos.CENTER;
            case BASELINE -> VPos.BASELINE;
            case BOTTOM -> VPos.BOTTOM;
        });
    }

    @Override
    public void save() {
        g.save();
        saved.push(font == null ? ChartFont.labels() : font);
    }

    @Override
    public void restore() {
        g.restore();
        if (!saved.isEmpty()) font = saved.pop();
    }

    @Override
    public void translate(double x, double y) {
        g.translate(x, y);
    }

    @Override
    public void rotate(double degrees) {
        g.rotate(degrees);
    }

    @Override
    public void clipRect(double x, double y, double width, double height) {
        g.beginPath();
        g.rect(x, y, width, height);
        g.clip();
    }

    @Override
    public void fillRect(double x, double y, double width, double height) {
        g.fillRect(x, y, width, height);
    }

    @Override
    public void strokeRect(double x, double y, double width, double height) {
        g.strokeRect(x, y, width, height);
    }

    @Override
    public void strokeLine(double x1, double y1, double x2, double y2) {
        g.strokeLine(x1, y1, x2, y2);
    }

    @Override
    public void fillOval(double x, double y, double width, double height) {
        g.fillOval(x, y, width, height);
    }

    @Override
    public void strokeOval(double x, double y, double width, double height) {
        g.strokeOval(x, y, width, height);
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, int points) {
        g.fillPolygon(xs, ys, points);
    }

    @Override
    public void strokePolygon(double[] xs, double[] ys, int points) {
        g.strokePolygon(xs, ys, points);
    }

    @Override
    public void beginPath() {
        g.beginPath();
    }

    @Override
    public void moveTo(double x, double y) {
        g.moveTo(x, y);
    }

    @Override
    public void lineTo(double x, double y) {
        g.lineTo(x, y);
    }

    @Override
    public void stroke() {
        g.stroke();
    }

    @Override
    public void fillText(String text, double x, double y) {
        g.fillText(text, x, y);
    }

    @Override
    public void fillPixels(int x, int y, int width, int height, int[] argb) {
        PixelWriter pixels = g.getPixelWriter();
        for (int row = 0; row < height; row++) {
            for (int col = 0; col < width; col++) {
                int c = argb[row * width + col];
                if (c != 0) pixels.setArgb(x + col, y + row, c);
            }
        }
    }

    @Override
    public double textWidth(String text) {
        measure.setFont(fxFont(font == null ? ChartFont.labels() : font));
        measure.setText(text);
        return measure.getLayoutBounds().getWidth();
    }

    @Override
    public double lineHeight() {
        measure.setFont(fxFont(font == null ? ChartFont.labels() : font));
        measure.setText(LINE_SAMPLE);
        return Math.ceil(measure.getLayoutBounds().getHeight());
    }
}
