package dev.gcscope.export;

import dev.gcscope.render.ChartFont;
import dev.gcscope.render.Painter;
import dev.gcscope.render.Rgba;
import dev.gcscope.render.TextAlign;
import dev.gcscope.render.TextBaseline;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A {@link Painter} on AWT's {@link Graphics2D}: a {@code BufferedImage} for PNG. It keeps the
 * canvas's meaning of each call (square caps and mitred joins, global alpha, text placed by align
 * and baseline, attributes saved and restored with the transform and clip), so the same renderer
 * gives the same picture as on screen, up to antialiasing.
 */
public final class Graphics2DPainter implements Painter {
    private final Graphics2D g;
    private final Deque<State> saved = new ArrayDeque<>();
    private State s = new State();
    private Path2D.Double path = new Path2D.Double();

    /** Everything {@link #save()} keeps besides the transform and clip, which the graphics keeps. */
    private static final class State {
        Rgba fill = Rgba.BLACK;
        Rgba stroke = Rgba.BLACK;
        double lineWidth = 1;
        double[] dashes;
        double alpha = 1;
        ChartFont font = ChartFont.labels();
        TextAlign align = TextAlign.LEFT;
        TextBaseline baseline = TextBaseline.BASELINE;
        AffineTransform transform;
        Shape clip;

        State copy() {
            State c = new State();
            c.fill = fill;
            c.stroke = stroke;
            c.lineWidth = lineWidth;
            c.dashes = dashes;
            c.alpha = alpha;
            c.font = font;
            c.align = align;
            c.baseline = baseline;
            return c;
        }
    }

    /** Draws on {@code g}, whose transform maps chart pixels to the target's (a scale for 2× and 3×). */
    public Graphics2DPainter(Graphics2D g) {
        this.g = g;
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        // Pure strokes: a line at n + 0.5 covers one pixel, as on the canvas, instead of being nudged.
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    }

    private Color color(Rgba c) {
        return new Color(c.red(), c.green(), c.blue(), (float) (c.opacity() * s.alpha));
    }

    private void useFill() {
        g.setPaint(color(s.fill));
    }

    private void useStroke() {
        g.setPaint(color(s.stroke));
        float[] dash = null;
        if (s.dashes != null && s.dashes.length > 0) {
            dash = new float[s.dashes.length];
            for (int i = 0; i < dash.length; i++) dash[i] = (float) s.dashes[i];
        }
        g.setStroke(new BasicStroke((float) s.lineWidth, BasicStroke.CAP_SQUARE, BasicStroke.JOIN_MITER, 10f, dash, 0f));
    }

    @Override
    public void setFill(Rgba colour) {
        s.fill = colour;
    }

    @Override
    public void setStroke(Rgba colour) {
        s.stroke = colour;
    }

    @Override
    public void setLineWidth(double width) {
        s.lineWidth = width;
    }

    @Override
    public void setLineDashes(double... dashes) {
        s.dashes = dashes == null || dashes.length == 0 ? null : dashes.clone();
    }

    @Override
    public void setGlobalAlpha(double alpha) {
        s.alpha = Math.max(0, Math.min(1, alpha));
    }

    @Override
    public void setFont(ChartFont font) {
        s.font = font;
    }

    @Override
    public void setTextAlign(TextAlign align) {
        s.align = align;
    }

    @Override
    public void setTextBaseline(TextBaseline baseline) {
        s.baseline = baseline;
    }

    @Override
    public void save() {
        s.transform = g.getTransform();
        s.clip = g.getClip();
        saved.push(s);
        s = s.copy();
    }

    @Override
    public void restore() {
        if (saved.isEmpty()) return;
        s = saved.pop();
        g.setTransform(s.transform);
        g.setClip(s.clip);
    }

    @Override
    public void translate(double x, double y) {
        g.translate(x, y);
    }

    @Override
    public void rotate(double degrees) {
        g.rotate(Math.toRadians(degrees));
    }

    @Override
    public void clipRect(double x, double y, double width, double height) {
        g.clip(new Rectangle2D.Double(x, y, width, height));
    }

    @Override
    public void fillRect(double x, double y, double width, double height) {
        if (!(width > 0 && height > 0)) return;
        useFill();
        g.fill(new Rectangle2D.Double(x, y, width, height));
    }

    @Override
    public void strokeRect(double x, double y, double width, double height) {
        useStroke();
        g.draw(new Rectangle2D.Double(x, y, width, height));
    }

    @Override
    public void strokeLine(double x1, double y1, double x2, double y2) {
        useStroke();
        g.draw(new Line2D.Double(x1, y1, x2, y2));
    }

    @Override
    public void fillOval(double x, double y, double width, double height) {
        useFill();
        g.fill(new Ellipse2D.Double(x, y, width, height));
    }

    @Override
    public void strokeOval(double x, double y, double width, double height) {
        useStroke();
        g.draw(new Ellipse2D.Double(x, y, width, height));
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, int points) {
        if (points < 2) return;
        useFill();
        g.fill(polygon(xs, ys, points));
    }

    @Override
    public void strokePolygon(double[] xs, double[] ys, int points) {
        if (points < 2) return;
        useStroke();
        g.draw(polygon(xs, ys, points));
    }

    private static Path2D polygon(double[] xs, double[] ys, int points) {
        Path2D.Double p = new Path2D.Double(Path2D.WIND_NON_ZERO, points + 1);
        p.moveTo(xs[0], ys[0]);
        for (int i = 1; i < points; i++) p.lineTo(xs[i], ys[i]);
        p.closePath();
        return p;
    }

    @Override
    public void beginPath() {
        path = new Path2D.Double();
    }

    @Override
    public void moveTo(double x, double y) {
        path.moveTo(x, y);
    }

    @Override
    public void lineTo(double x, double y) {
        // a line from nowhere starts the path there, as on the canvas
        if (path.getCurrentPoint() == null) path.moveTo(x, y);
        else path.lineTo(x, y);
    }

    @Override
    public void stroke() {
        if (path.getCurrentPoint() == null) return;
        useStroke();
        g.draw(path);
    }

    @Override
    public void fillText(String text, double x, double y) {
        if (text == null || text.isEmpty()) return;
        Font f = AwtText.font(s.font);
        double w = AwtText.width(f, text);
        double tx = switch (s.align) {
            case LEFT -> x;
            case CENTER -> x - w / 2;
            case RIGHT -> x - w;
        };
        useFill();
        g.setFont(f);
        g.drawString(text, (float) tx, (float) (y + AwtText.baselineOffset(f, s.baseline)));
    }

    @Override
    public void fillPixels(int x, int y, int width, int height, int[] argb) {
        for (int row = 0; row < height; row++) {
            int col = 0;
            while (col < width) {
                int c = argb[row * width + col];
                int end = col + 1;
                while (end < width && argb[row * width + end] == c) end++;
                if (c != 0) {
                    g.setPaint(new Color(c, true));
                    g.fill(new Rectangle2D.Double(x + col, y + row, end - col, 1));
                }
                col = end;
            }
        }
    }

    @Override
    public double textWidth(String text) {
        return AwtText.width(AwtText.font(s.font), text);
    }

    @Override
    public double lineHeight() {
        return AwtText.lineHeight(AwtText.font(s.font));
    }
}
