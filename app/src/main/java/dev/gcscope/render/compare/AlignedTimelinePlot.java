package dev.gcscope.render.compare;

import dev.gcscope.render.Painter;
import dev.gcscope.render.plot.AxisSpec;
import dev.gcscope.render.plot.MinMaxReducer;
import dev.gcscope.render.plot.PlotArea;
import dev.gcscope.render.plot.PlotContent;
import java.util.ArrayList;
import java.util.List;

/**
 * One figure of the sides' timelines on a shared time axis, time since each side's first cycle, so
 * that the same moment of two runs is the same pixel column: pauses as spikes, the live heap and
 * Go's GC CPU share as lines. Each side is reduced to its smallest and largest value per pixel column
 * ({@link MinMaxReducer}), so a single long pause is never hidden however many cycles there are.
 *
 * @param fromS the shown window's start (seconds since first cycle)
 * @param toS its end
 * @param xTitled whether this chart carries the time axis' title (the lowest of the stack)
 */
public record AlignedTimelinePlot(List<AlignedSeries> sides, Figure figure, double fromS, double toS, boolean xTitled,
                                  OverlayStyle style) implements PlotContent {
    public static final String X_TITLE = "time since each side's first cycle (s)";
    public static final String X_TITLE_UNTIMED = "cycle, counted from each side's first";
    public static final String PLACEHOLDER = "No cycles to draw";

    /** Which of the cycles' values the chart draws. */
    public enum Figure {
        // short: three stack in a 700-pixel window, and a y title longer than its plot is cut
        PAUSE("pause (ms)"), HEAP_LIVE("live heap (MB)"), GC_CPU("Go's GC CPU (%)");

        public final String title;

        Figure(String title) {
            this.title = title;
        }
    }

    public double[] values(AlignedSeries s) {
        return switch (figure) {
            case PAUSE -> s.stwMs();
            case HEAP_LIVE -> s.heapLiveMb();
            case GC_CPU -> s.gcCpuPct();
        };
    }

    private boolean hasData() {
        return sides != null && sides.stream().anyMatch(s -> s.sinceFirstS().length > 0) && toS > fromS;
    }

    @Override
    public AxisSpec xAxis() {
        if (!hasData()) return null;
        boolean timed = sides.stream().allMatch(AlignedSeries::timed);
        return AxisSpec.exact(xTitled ? (timed ? X_TITLE : X_TITLE_UNTIMED) : "", fromS, toS);
    }

    @Override
    public AxisSpec yAxis() {
        if (!hasData()) return null;
        double max = 0;
        for (AlignedSeries s : sides) {
            double[] x = s.sinceFirstS(), y = values(s);
            for (int i = 0; i < y.length; i++) if (x[i] >= fromS && x[i] <= toS && y[i] > max) max = y[i];
        }
        // 5 % headroom: a flat line (a steady live heap) would otherwise lie on the plot's top edge
        return new AxisSpec(figure.title, 0, max > 0 ? max * 1.05 : 1, false, true);
    }

    @Override
    public void drawData(Painter g, PlotArea area) {
        int columns = (int) Math.ceil(area.width());
        MinMaxReducer r = new MinMaxReducer();
        double base = area.yScale().toPixel(0);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < sides.size(); i++) {
            AlignedSeries s = sides.get(i);
            lines.add(s.label());
            r.reduce(s.sinceFirstS(), values(s), 0, s.sinceFirstS().length, null, area.xScale(), area.x(), columns);
            g.setStroke(style.side(i));
            g.setLineWidth(1);
            if (figure == Figure.PAUSE) {
                for (int c = 0; c < columns; c++) {
                    if (r.count(c) == 0) continue;
                    double px = area.x() + c + 0.5;
                    g.strokeLine(px, base, px, area.yScale().toPixel(r.max(c)));
                }
                continue;
            }
            g.setLineWidth(1.5);
            g.beginPath();
            boolean started = false;
            for (int c = 0; c < columns; c++) {
                if (r.count(c) == 0) continue;
                double px = area.x() + c + 0.5;
                double lo = area.yScale().toPixel(r.min(c)), hi = area.yScale().toPixel(r.max(c));
                if (!started) g.moveTo(px, lo);
                else g.lineTo(px, lo);
                g.lineTo(px, hi);
                started = true;
            }
            g.stroke();
        }
        // once, on the top chart of the stack
        if (figure == Figure.PAUSE) OverlayLegend.draw(g, area, style, lines, List.of(), OverlayLegend.Corner.TOP_RIGHT);
    }
}
