package dev.gcscope.render.plot;

import dev.gcscope.render.ChartFont;
import dev.gcscope.render.Painter;
import dev.gcscope.render.Rgba;
import dev.gcscope.render.TextAlign;
import dev.gcscope.render.TextBaseline;

/**
 * A painter that draws nothing and measures text as another one does: a layout pass (where would
 * the plot start?) through the same code as the drawing.
 */
final class MeasuringPainter implements Painter {
    private final Painter metrics;
    private ChartFont font = ChartFont.labels();
    private final java.util.ArrayDeque<ChartFont> saved = new java.util.ArrayDeque<>();

    MeasuringPainter(Painter metrics) {
        this.metrics = metrics;
    }

    @Override public void setFill(Rgba colour) {}
    @Override public void setStroke(Rgba colour) {}
    @Override public void setLineWidth(double width) {}
    @Override public void setLineDashes(double... dashes) {}
    @Override public void setGlobalAlpha(double alpha) {}

    @Override
    public void setFont(ChartFont f) {
        font = f;
    }

    @Override public void setTextAlign(TextAlign align) {}
    @Override public void setTextBaseline(TextBaseline baseline) {}

    @Override
    public void save() {
        saved.push(font);
    }

    @Override
    public void restore() {
        if (!saved.isEmpty()) font = saved.pop();
    }

    @Override public void translate(double x, double y) {}
    @Override public void rotate(double degrees) {}
    @Override public void clipRect(double x, double y, double width, double height) {}
    @Override public void fillRect(double x, double y, double width, double height) {}
    @Override public void strokeRect(double x, double y, double width, double height) {}
    @Override public void strokeLine(double x1, double y1, double x2, double y2) {}
    @Override public void fillOval(double x, double y, double width, double height) {}
    @Override public void strokeOval(double x, double y, double width, double height) {}
    @Override public void fillPolygon(double[] xs, double[] ys, int points) {}
    @Override public void strokePolygon(double[] xs, double[] ys, int points) {}
    @Override public void beginPath() {}
    @Override public void moveTo(double x, double y) {}
    @Override public void lineTo(double x, double y) {}
    @Override public void stroke() {}
    @Override public void fillText(String text, double x, double y) {}
    @Override public void fillPixels(int x, int y, int width, int height, int[] argb) {}

    @Override
    public double textWidth(String text) {
        metrics.save();
        try {
            metrics.setFont(font);
            return metrics.textWidth(text);
        } finally {
            metrics.restore();
        }
    }

    @Override
    public double lineHeight() {
        metrics.save();
        try {
            metrics.setFont(font);
            return metrics.lineHeight();
        } finally {
            metrics.restore();
        }
    }
}
