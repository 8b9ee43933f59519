package dev.gcscope.render.compare;

import dev.gcscope.analysis.compare.GcComparison;
import dev.gcscope.render.Painter;
import dev.gcscope.render.plot.AxisSpec;
import dev.gcscope.render.plot.AxisTicks;
import dev.gcscope.render.plot.PlotArea;
import dev.gcscope.render.plot.PlotContent;
import java.util.List;

/**
 * One figure of a version ladder (Go 1.19 → 1.21 → … → 1.24), one column per side in the
 * comparison's order: the value as a dot with its 95 % interval as a bar (an open end reaches the
 * plot's edge, as in the convergence view; a side too short for any end has a dot alone). The pause
 * figure shows P50 (round dot) and P99 (square) on a log axis; GC CPU and cycles per GB a linear one
 * from 0.
 *
 * @param rungs {@link GcComparison#ladder()}, in order
 */
public record LadderPlot(List<GcComparison.Rung> rungs, Figure figure, OverlayStyle style) implements PlotContent {
    /** No x title: the tick labels name the sides, and three stacked charts have no room for one each. */
    public static final String X_TITLE = "";
    public static final String PLACEHOLDER = "No sides to show";
    private static final double DOT = 4;
    private static final double CAP = 6;

    /** Which figure of the rungs the chart shows. */
    public enum Figure {
        // short: three of these stack in a 700-pixel window, and a title longer than its plot is cut
        PAUSES("pause (ms, log)"), GC_CPU("GC CPU (%)"), CYCLES_PER_GB("cycles per GB");

        public final String title;

        Figure(String title) {
            this.title = title;
        }
    }

    /** A value with its interval ends; NaN ends are open. */
    public record Point(double value, double low, double high) {}

    /** The points of rung {@code r} for this figure: P50 then P99 for the pauses, one otherwise. */
    public List<Point> points(GcComparison.Rung r) {
        return switch (figure) {
            case PAUSES -> List.of(new Point(r.p50Ms().value(), r.p50Ms().low(), r.p50Ms().high()),
                    new Point(r.p99Ms().value(), r.p99Ms().low(), r.p99Ms().high()));
            case GC_CPU -> List.of(new Point(r.gcCpuPct(), r.gcCpuPctCi()[0], r.gcCpuPctCi()[1]));
            case CYCLES_PER_GB -> List.of(new Point(r.cyclesPerGb(), r.cyclesPerGbCi()[0], r.cyclesPerGbCi()[1]));
        };
    }

    private boolean log() {
        return figure == Figure.PAUSES;
    }

    @Override public boolean logY() { return log(); }

    @Override
    public AxisSpec xAxis() {
        return rungs == null || rungs.isEmpty() ? null : AxisSpec.exact(X_TITLE, -0.5, rungs.size() - 0.5);
    }

    @Override
    public AxisTicks xTicks(AxisSpec spec, int maxTicks) {
        return new AxisTicks() {
            @Override public int count() { return rungs.size(); }
            @Override public double at(int i) { return i; }
            @Override public String label(int i) { return rungs.get(i).label(); }
        };
    }

    @Override
    public AxisSpec yAxis() {
        if (rungs == null || rungs.isEmpty()) return null;
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (GcComparison.Rung r : rungs) {
            for (Point p : points(r)) {
                for (double v : new double[] {p.value(), p.low(), p.high()}) {
                    if (!Double.isFinite(v) || (log() && !(v > 0))) continue;
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (!Double.isFinite(lo)) return AxisSpec.exact(figure.title, 0, 1);
        if (!log()) return new AxisSpec(figure.title, 0, hi > 0 ? hi * 1.05 : 1, false, true);
        double llo = Math.log10(lo), lhi = Math.log10(hi);
        double pad = Math.max(0.05, (lhi - llo) * 0.08);
        return AxisSpec.exact(figure.title, llo - pad, lhi + pad);
    }

    @Override
    public void drawData(Painter g, PlotArea area) {
        g.setFont(style.font());
        for (int i = 0; i < rungs.size(); i++) {
            List<Point> pts = points(rungs.get(i));
            for (int k = 0; k < pts.size(); k++) {
                // P50 left of the column's centre, P99 right of it
                double x = area.xScale().toPixel(i) + (pts.size() == 1 ? 0 : (k == 0 ? -10 : 10));
                drawPoint(g, area, x, pts.get(k), i, k == 1);
            }
        }
    }

    private void drawPoint(Painter g, PlotArea a, double x, Point p, int side, boolean square) {
        if (!Double.isFinite(p.value()) || (log() && !(p.value() > 0))) return;
        double y = y(a, p.value());
        boolean anyEnd = Double.isFinite(p.low()) || Double.isFinite(p.high());
        g.setStroke(style.side(side));
        g.setFill(style.side(side));
        g.setLineWidth(1.5);
        if (anyEnd) {
            double top = Double.isFinite(p.high()) ? y(a, p.high()) : a.y();
            double bottom = Double.isFinite(p.low()) && (!log() || p.low() > 0) ? y(a, p.low()) : a.bottom();
            g.strokeLine(x, top, x, bottom);
            if (Double.isFinite(p.high())) g.strokeLine(x - CAP / 2, top, x + CAP / 2, top);
            if (Double.isFinite(p.low())) g.strokeLine(x - CAP / 2, bottom, x + CAP / 2, bottom);
        }
        if (square) g.fillRect(x - DOT, y - DOT, 2 * DOT, 2 * DOT);
        else g.fillOval(x - DOT, y - DOT, 2 * DOT, 2 * DOT);
    }

    /** Where a value is drawn on this figure's y axis. */
    public double y(PlotArea a, double v) {
        return a.yScale().toPixel(log() ? Math.log10(v) : v);
    }
}
