package dev.gcscope.render.plot;

import dev.gcscope.render.Painter;
import java.util.function.DoubleUnaryOperator;

/**
 * Lays a chart out and draws it: the plot rectangle from the room its labels need, the axes with
 * nice ticks, the frame ({@link PlotFrameLayer}) and, clipped to the plot, the {@link PlotContent}'s
 * data. The window's charts and the exports both draw through here, so a chart has one layout.
 */
public final class PlotFrame {
    static final double X_PIXELS_PER_TICK = 70;
    private static final double Y_PIXELS_PER_TICK = 42;
    /** Below this inner size (pixels) a chart draws nothing at all. */
    private static final double MIN_INNER = 60;
    /** Below this plot size (pixels) the frame is not drawn. */
    private static final double MIN_PLOT = 40;

    private PlotFrame() {}

    /**
     * What one drawing laid out.
     *
     * @param area the plot and its scales, null when nothing was plotted (no data, too small)
     * @param naturalPlotLeft where the plot would start for this chart's own y labels; NaN when not laid out
     */
    public record Painted(PlotArea area, double naturalPlotLeft) {}

    /** Draws a chart {@code width} by {@code height} pixels; the target is expected clear. */
    public static Painted paint(Painter g, double width, double height, FrameStyle style, PlotContent content,
                                String placeholder) {
        double min = Math.ceil(style.minPlotLeft());
        return paint(g, width, height, style, content, placeholder, natural -> Math.max(natural, min));
    }

    /**
     * @param plotLeft from the left edge this chart's own labels need, where the plot starts: the
     *                 window's charts publish it and line up with the charts stacked with them
     */
    public static Painted paint(Painter g, double width, double height, FrameStyle style, PlotContent content,
                                String placeholder, DoubleUnaryOperator plotLeft) {
        Padding pad = style.padding();
        double innerW = width - pad.left() - pad.right();
        double innerH = height - pad.top() - pad.bottom();
        if (innerW < MIN_INNER || innerH < MIN_INNER) return new Painted(null, Double.NaN);
        g.setFont(style.font());
        double lineH = g.lineHeight();

        AxisSpec xSpec = content.xAxis();
        AxisSpec ySpec = content.yAxis();
        PlotFrameLayer frame = new PlotFrameLayer(style.colours(), style.font());
        if (xSpec == null || ySpec == null) {
            frame.drawPlaceholder(g, pad.left(), pad.top(), innerW, innerH, placeholder);
            return new Painted(null, Double.NaN);
        }

        // Vertical layout first: the y ticks decide how wide their labels, and so the left margin, are.
        double top = pad.top() + lineH / 2;
        // an untitled x axis (a chart stacked under a titled one) gives its title's line to the plot
        double xTitleH = xSpec.title() == null || xSpec.title().isEmpty() ? 0 : lineH + PlotFrameLayer.LABEL_GAP;
        double bottom = height - pad.bottom() - xTitleH - lineH - PlotFrameLayer.TICK_LENGTH - PlotFrameLayer.LABEL_GAP;
        // A log axis labels every decade as long as a label fits in each (a line and a half of text):
        // at 42 pixels a tick the GC CPU view's short chart skipped every other decade.
        double yPixelsPerTick = content.logY() ? Math.max(16, lineH * 1.5) : Y_PIXELS_PER_TICK;
        AxisTicks yTicks = ticks(ySpec, content.logY(), Math.max(2, (int) ((bottom - top) / yPixelsPerTick)));
        double yLabelWidth = 0;
        for (int i = 0; i < yTicks.count(); i++) yLabelWidth = Math.max(yLabelWidth, g.textWidth(content.yTickLabel(yTicks, i)));
        // Whole pixels at both ends, so that pixel column c of the plot is exactly column c of a reduction.
        double natural = Math.ceil(pad.left() + lineH + PlotFrameLayer.LABEL_GAP * 2 + yLabelWidth + PlotFrameLayer.TICK_LENGTH);
        double left = plotLeft.applyAsDouble(natural);
        double right = Math.floor(width - pad.right() - g.textWidth("00000") / 2);
        if (right - left < MIN_PLOT || bottom - top < MIN_PLOT) return new Painted(null, natural);
        AxisTicks xTicks = content.xTicks(xSpec, Math.max(2, (int) ((right - left) / content.xPixelsPerTick(g))));

        LinearScale xs = scale(xSpec, xTicks, left, right);
        LinearScale ys = scale(ySpec, yTicks, bottom, top);
        PlotArea area = new PlotArea(left, top, right - left, bottom - top, xs, ys);

        frame.drawUnderData(g, area, xTicks, content::xTickLabel, yTicks, content::yTickLabel);
        frame.drawTitles(g, area, xSpec.title(), ySpec.title(), pad.left(), height - pad.bottom());

        g.save();
        g.clipRect(area.x(), area.y(), area.width(), area.height());
        content.drawData(g, area);
        g.restore();

        frame.drawAxisLines(g, area);
        return new Painted(area, natural);
    }

    /**
     * Where the plot of {@code content} drawn {@code width} by {@code height} would start for its own y
     * labels, without drawing it (charts stacked over one time axis start their plots at the widest);
     * NaN when it would plot nothing. Asks the content for its axes as a drawing does.
     */
    public static double naturalPlotLeft(Painter g, double width, double height, FrameStyle style, PlotContent content) {
        double[] natural = {Double.NaN};
        Painter measuring = new MeasuringPainter(g);
        paint(measuring, width, height, style, new PlotContent() {
            @Override public AxisSpec xAxis() { return content.xAxis(); }
            @Override public AxisSpec yAxis() { return content.yAxis(); }
            @Override public boolean logX() { return content.logX(); }
            @Override public boolean logY() { return content.logY(); }
            @Override public String xTickLabel(AxisTicks ticks, int i) { return content.xTickLabel(ticks, i); }
            @Override public String yTickLabel(AxisTicks ticks, int i) { return content.yTickLabel(ticks, i); }
            @Override public AxisTicks xTicks(AxisSpec spec, int maxTicks) { return content.xTicks(spec, maxTicks); }
            @Override public double xPixelsPerTick(dev.gcscope.render.TextMetrics text) { return content.xPixelsPerTick(text); }
            @Override public void drawData(Painter p, PlotArea area) {}
        }, "", left -> {
            natural[0] = left;
            return left;
        });
        return natural[0];
    }

    /** Ticks for an axis: log ticks of its log10 range, or nice ones. */
    public static AxisTicks ticks(AxisSpec spec, boolean log, int maxTicks) {
        return log ? LogTicks.covering(spec.min(), Math.max(spec.max(), spec.min() + 1e-9), maxTicks) : spec.ticks(maxTicks);
    }

    /** A log axis shows exactly its range (already chosen in decades by the chart); a linear one per its spec. */
    private static LinearScale scale(AxisSpec spec, AxisTicks ticks, double pixelAtMin, double pixelAtMax) {
        if (ticks instanceof NiceTicks nice) return new LinearScale(spec.shownMin(nice), spec.shownMax(nice), pixelAtMin, pixelAtMax);
        double max = spec.max() > spec.min() ? spec.max() : spec.min() + 0.1;
        return new LinearScale(spec.min(), max, pixelAtMin, pixelAtMax);
    }
}
