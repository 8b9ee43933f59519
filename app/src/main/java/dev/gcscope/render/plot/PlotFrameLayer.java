package dev.gcscope.render.plot;

import static dev.gcscope.render.plot.Pixels.snap;

import dev.gcscope.render.ChartFont;
import dev.gcscope.render.Painter;
import dev.gcscope.render.TextAlign;
import dev.gcscope.render.TextBaseline;
import dev.gcscope.render.TextMetrics;

/**
 * What a chart draws around its data: the plot's background, grid lines, ticks with their labels and
 * the axis titles under the data, the two axis lines over it; without data, the placeholder.
 */
record PlotFrameLayer(FrameColours colours, ChartFont font) {
    static final double TICK_LENGTH = 4;
    static final double LABEL_GAP = 4;
    private static final String ELLIPSIS = "\u2026";

    /** The label of tick {@code i} of an axis. */
    @FunctionalInterface
    interface TickLabels {
        String label(AxisTicks ticks, int i);
    }

    /** The placeholder text centred in an empty plot background. */
    void drawPlaceholder(Painter g, double x, double y, double width, double height, String text) {
        g.setFill(colours.plotFill());
        g.fillRect(x, y, width, height);
        g.setFont(font);
        g.setFill(colours.textFill());
        g.setTextAlign(TextAlign.CENTER);
        g.setTextBaseline(TextBaseline.CENTER);
        g.fillText(text, x + width / 2, y + height / 2);
    }

    /** Background, grid, ticks and tick labels: what the data is drawn over. */
    void drawUnderData(Painter g, PlotArea a, AxisTicks xTicks, TickLabels xLabels, AxisTicks yTicks, TickLabels yLabels) {
        g.setFill(colours.plotFill());
        g.fillRect(a.x(), a.y(), a.width(), a.height());
        g.setLineWidth(1);
        g.setFont(font);
        for (int i = 0; i < yTicks.count(); i++) {
            if (!shown(a.yScale(), yTicks.at(i))) continue;
            double py = snap(a.yScale().toPixel(yTicks.at(i)));
            g.setStroke(colours.gridStroke());
            if (py < a.bottom() - 1) g.strokeLine(a.x(), py, a.right(), py);
            g.setStroke(colours.axisStroke());
            g.strokeLine(a.x() - TICK_LENGTH, py, a.x(), py);
            g.setFill(colours.textFill());
            g.setTextAlign(TextAlign.RIGHT);
            g.setTextBaseline(TextBaseline.CENTER);
            g.fillText(yLabels.label(yTicks, i), a.x() - TICK_LENGTH - LABEL_GAP, py);
        }
        for (int i = 0; i < xTicks.count(); i++) {
            if (!shown(a.xScale(), xTicks.at(i))) continue;
            double px = snap(a.xScale().toPixel(xTicks.at(i)));
            g.setStroke(colours.gridStroke());
            if (px > a.x() + 1) g.strokeLine(px, a.y(), px, a.bottom());
            g.setStroke(colours.axisStroke());
            g.strokeLine(px, a.bottom(), px, a.bottom() + TICK_LENGTH);
            g.setFill(colours.textFill());
            g.setTextAlign(TextAlign.CENTER);
            g.setTextBaseline(TextBaseline.TOP);
            g.fillText(xLabels.label(xTicks, i), px, a.bottom() + TICK_LENGTH + LABEL_GAP);
        }
    }

    private static boolean shown(LinearScale scale, double value) {
        double tolerance = (scale.dataMax() - scale.dataMin()) * 1e-9;
        return value >= scale.dataMin() - tolerance && value <= scale.dataMax() + tolerance;
    }

    /**
     * The x title centred under the plot with its baseline at {@code bottom}, the y title turned up
     * along the plot with its top at {@code left}.
     */
    void drawTitles(Painter g, PlotArea a, String xTitle, String yTitle, double left, double bottom) {
        g.setFill(colours.textFill());
        g.setTextAlign(TextAlign.CENTER);
        g.setTextBaseline(TextBaseline.BOTTOM);
        g.fillText(xTitle, a.x() + a.width() / 2, bottom);
        // Centred on the plot, but moved along the chart (from its top to the bottom of the x labels)
        // as far as it takes to be whole: on a short chart a centred title was cut at both ends.
        String title = yTitle == null ? null : fitted(g, yTitle, bottom);
        double w = title == null ? 0 : g.textWidth(title);
        double mid = Math.max(w / 2, Math.min(bottom - w / 2, a.y() + a.height() / 2));
        g.save();
        g.translate(left, mid);
        g.rotate(-90);
        g.setTextBaseline(TextBaseline.TOP);
        g.fillText(title, 0, 0);
        g.restore();
    }

    /**
     * {@code title} if it is at most {@code room} wide; otherwise shortened from the left, at a path
     * separator first ("…/latencies per interval (log)"), then a character at a time: its end says
     * what and how (the unit, "per interval", "log"), which a metric's leading path parts do not.
     */
    static String fitted(TextMetrics g, String title, double room) {
        if (g.textWidth(title) <= room) return title;
        String rest = title;
        for (int slash = rest.indexOf('/', 1); slash > 0; slash = rest.indexOf('/', 1)) {
            rest = rest.substring(slash);
            if (g.textWidth(ELLIPSIS + rest) <= room) return ELLIPSIS + rest;
        }
        while (rest.length() > 1 && g.textWidth(ELLIPSIS + rest) > room) rest = rest.substring(1);
        return ELLIPSIS + rest;
    }

    /** The y axis and x axis lines, over the data so that no bar hides them. */
    void drawAxisLines(Painter g, PlotArea a) {
        g.setStroke(colours.axisStroke());
        g.setLineWidth(1);
        g.strokeLine(snap(a.x()), a.y(), snap(a.x()), snap(a.bottom()));
        g.strokeLine(snap(a.x()), snap(a.bottom()), a.right(), snap(a.bottom()));
    }
}
