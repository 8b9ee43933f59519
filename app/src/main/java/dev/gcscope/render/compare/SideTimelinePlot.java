package dev.gcscope.render.compare;

import dev.gcscope.render.Painter;
import dev.gcscope.render.plot.AxisSpec;
import dev.gcscope.render.plot.AxisTicks;
import dev.gcscope.render.plot.MinMaxReducer;
import dev.gcscope.render.plot.PlotArea;
import dev.gcscope.render.plot.PlotContent;
import dev.gcscope.render.plot.Quantity;
import java.util.List;

/**
 * One side's timeline of one figure in the comparison's stack: the sides one above the other over
 * the same time axis (time since each side's first cycle) and the same value axis, so a moment is
 * one pixel column and a value one height in every row. The side's selected range is shaded. Pauses
 * are spikes, the live heap and GC CPU lines, each reduced to its smallest and largest value per
 * pixel column ({@link MinMaxReducer}): no single long pause is hidden at any zoom.
 *
 * @param side the side's cycles
 * @param colour the side's position: its colour in {@code style}
 * @param frame the window shown, the value axis, whether this row carries the time axis' title
 * @param selFromS start of the side's selected range (seconds since its first cycle), NaN for none
 * @param selToS its end
 */
public record SideTimelinePlot(AlignedSeries side, int colour, AlignedTimelinePlot.Figure figure, Frame frame,
                               double selFromS, double selToS, OverlayStyle style) implements PlotContent {

    /**
     * What the rows of one figure share.
     *
     * @param yLow the value axis' lower end (log: the smallest positive value shown, whole decade below)
     * @param yHigh its upper end
     */
    public record Frame(double fromS, double toS, boolean logY, double yLow, double yHigh, boolean xTitled, boolean timed) {
        /** The window {@code [fromS, toS]} of {@code figure} over every side: one value axis for all rows. */
        public static Frame of(List<AlignedSeries> sides, AlignedTimelinePlot.Figure figure, double fromS, double toS,
                               boolean logY, boolean xTitled) {
            double max = 0, minPositive = Double.POSITIVE_INFINITY;
            for (AlignedSeries s : sides) {
                double[] x = s.sinceFirstS(), y = values(s, figure);
                for (int i = 0; i < y.length; i++) {
                    if (!(x[i] >= fromS && x[i] <= toS)) continue;
                    if (y[i] > max) max = y[i];
                    if (y[i] > 0 && y[i] < minPositive) minPositive = y[i];
                }
            }
            boolean timed = sides.stream().allMatch(AlignedSeries::timed);
            if (logY) {
                if (!(max > 0)) return new Frame(fromS, toS, true, 0, 1, xTitled, timed);
                // whole decades around the positive values, as the single-file timelines' log axis
                double a = Math.floor(Math.log10(minPositive) + 1e-9), b = Math.ceil(Math.log10(max) - 1e-9);
                return new Frame(fromS, toS, true, a, b <= a ? a + 1 : b, xTitled, timed);
            }
            // 5 % headroom: a flat line (a steady live heap) would otherwise lie on the plot's top edge
            return new Frame(fromS, toS, false, 0, max > 0 ? max * 1.05 : 1, xTitled, timed);
        }
    }

    static double[] values(AlignedSeries s, AlignedTimelinePlot.Figure figure) {
        return switch (figure) {
            case PAUSE -> s.stwMs();
            case HEAP_LIVE -> s.heapLiveMb();
            case GC_CPU -> s.gcCpuPct();
        };
    }

    public double[] values() {
        return values(side, figure);
    }

    public boolean hasSelection() {
        return !Double.isNaN(selFromS) && !Double.isNaN(selToS);
    }

    @Override
    public AxisSpec xAxis() {
        if (side.sinceFirstS().length == 0 || !(frame.toS() > frame.fromS())) return null;
        String title = frame.xTitled() ? (frame.timed() ? AlignedTimelinePlot.X_TITLE : AlignedTimelinePlot.X_TITLE_UNTIMED) : "";
        return AxisSpec.exact(title, frame.fromS(), frame.toS());
    }

    @Override
    public AxisSpec yAxis() {
        if (xAxis() == null) return null;
        return frame.logY() ? new AxisSpec(figure.title, frame.yLow(), frame.yHigh(), false, false, false)
                : new AxisSpec(figure.title, frame.yLow(), frame.yHigh(), false, true);
    }

    @Override
    public boolean logY() {
        return frame.logY();
    }

    @Override
    public String yTickLabel(AxisTicks ticks, int i) {
        return frame.logY() ? Quantity.number(Math.pow(10, ticks.at(i))) : ticks.label(i);
    }

    /** The pixel row of {@code v}; on a log axis a value at or under zero sits on the axis' bottom. */
    private double py(PlotArea a, double v) {
        if (!frame.logY()) return a.yScale().toPixel(v);
        return v > 0 ? a.yScale().toPixel(Math.log10(v)) : a.bottom();
    }

    @Override
    public void drawData(Painter g, PlotArea area) {
        if (hasSelection()) {
            double x0 = Math.max(area.x(), area.xScale().toPixel(selFromS)), x1 = Math.min(area.right(), area.xScale().toPixel(selToS));
            if (x1 > x0) {
                g.setFill(style.side(colour, 0.14));
                g.fillRect(x0, area.y(), x1 - x0, area.height());
                g.setStroke(style.side(colour, 0.7));
                g.setLineWidth(1);
                g.strokeLine(x0, area.y(), x0, area.bottom());
                g.strokeLine(x1, area.y(), x1, area.bottom());
            }
        }
        int columns = (int) Math.ceil(area.width());
        MinMaxReducer r = new MinMaxReducer();
        r.reduce(side.sinceFirstS(), values(), 0, side.sinceFirstS().length, null, area.xScale(), area.x(), columns);
        g.setStroke(style.side(colour));
        if (figure == AlignedTimelinePlot.Figure.PAUSE) {
            g.setLineWidth(1);
            double base = area.bottom();
            for (int c = 0; c < columns; c++) {
                if (r.count(c) == 0 || !(r.max(c) > 0)) continue;
                double px = area.x() + c + 0.5;
                g.strokeLine(px, base, px, py(area, r.max(c)));
            }
        } else {
            g.setLineWidth(1.5);
            g.beginPath();
            boolean started = false;
            for (int c = 0; c < columns; c++) {
                if (r.count(c) == 0) continue;
                double px = area.x() + c + 0.5;
                double lo = py(area, r.min(c)), hi = py(area, r.max(c));
                if (!started) g.moveTo(px, lo);
                else g.lineTo(px, lo);
                g.lineTo(px, hi);
                started = true;
            }
            g.stroke();
        }
        OverlayStyle one = new OverlayStyle(List.of(style.side(colour)), style.frame(), style.font());
        OverlayLegend.draw(g, area, one, List.of(side.label()), List.of(), OverlayLegend.Corner.TOP_RIGHT);
    }
}
