package dev.gcscope.render.mmu;

import dev.gcscope.analysis.stats.MutatorUtilization;
import dev.gcscope.render.Painter;
import dev.gcscope.render.Rgba;
import dev.gcscope.render.plot.AxisSpec;
import dev.gcscope.render.plot.PlotArea;
import dev.gcscope.render.plot.PlotContent;
import java.util.List;

/**
 * Minimum mutator utilization against window length (log x, ms; y 0–100 %): the worst share of
 * any window of that length the program kept the CPUs, as a line with a dot per window length.
 *
 * @param curve the curve, empty for none (the placeholder is shown)
 * @param stroke {@code -chart-series-stroke} on screen
 */
public record MmuPlot(List<MutatorUtilization.Point> curve, Rgba stroke) implements PlotContent {
    public static final String X_TITLE = "window (ms, log scale)";
    public static final String Y_TITLE = "minimum mutator utilization (%)";
    public static final String PLACEHOLDER = "No MMU: the selection has no cycle start times or spans too little time";
    private static final double DOT_RADIUS = 3;

    private boolean hasData() {
        return curve != null && !curve.isEmpty();
    }

    @Override
    public boolean logX() {
        return true;
    }

    @Override
    public AxisSpec xAxis() {
        if (!hasData()) return null;
        double lo = Math.log10(curve.get(0).windowMs()), hi = Math.log10(curve.get(curve.size() - 1).windowMs());
        if (hi - lo < 0.3) hi = lo + 0.3;
        double pad = (hi - lo) * 0.01;
        return new AxisSpec(X_TITLE, lo - pad, hi + pad, false, false);
    }

    @Override
    public AxisSpec yAxis() {
        return hasData() ? new AxisSpec(Y_TITLE, 0, 100, false, true) : null;
    }

    @Override
    public void drawData(Painter g, PlotArea area) {
        g.setStroke(stroke);
        g.setFill(stroke);
        g.setLineWidth(2);
        g.beginPath();
        for (int i = 0; i < curve.size(); i++) {
            double x = px(area, curve.get(i)), y = py(area, curve.get(i));
            if (i == 0) g.moveTo(x, y);
            else g.lineTo(x, y);
        }
        g.stroke();
        for (MutatorUtilization.Point p : curve) {
            g.fillOval(px(area, p) - DOT_RADIUS, py(area, p) - DOT_RADIUS, 2 * DOT_RADIUS, 2 * DOT_RADIUS);
        }
    }

    /** Where point {@code p} is drawn, in chart coordinates. */
    public static double px(PlotArea a, MutatorUtilization.Point p) {
        return a.xScale().toPixel(Math.log10(p.windowMs()));
    }

    public static double py(PlotArea a, MutatorUtilization.Point p) {
        return a.yScale().toPixel(100 * p.mmu());
    }
}
