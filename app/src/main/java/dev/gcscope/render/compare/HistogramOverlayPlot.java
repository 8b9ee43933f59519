package dev.gcscope.render.compare;

import dev.gcscope.analysis.compare.ComparisonCurves;
import dev.gcscope.render.Painter;
import dev.gcscope.render.plot.AxisSpec;
import dev.gcscope.render.plot.PlotArea;
import dev.gcscope.render.plot.PlotContent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The sides' stop-the-world pauses as histograms over one set of log-spaced bins (made from the
 * pooled pauses), each bar the share of its own side's pauses, so a short run and a long one compare:
 * each side a translucent fill with its outline drawn as steps on top.
 */
public record HistogramOverlayPlot(ComparisonCurves curves, OverlayStyle style) implements PlotContent {
    public static final String X_TITLE = "stop-the-world pause (ms, log scale)";
    public static final String Y_TITLE = "share of the side's pauses (%)";
    public static final String PLACEHOLDER = "No positive pause on any side";
    private static final double FILL_OPACITY = 0.28;

    private boolean hasData() {
        return curves != null && curves.bins() > 0;
    }

    @Override public boolean logX() { return true; }

    @Override
    public AxisSpec xAxis() {
        if (!hasData()) return null;
        double[] e = curves.histogramEdgesMs();
        double lo = Math.log10(e[0]), hi = Math.log10(e[e.length - 1]);
        if (hi - lo < 0.3) hi = lo + 0.3;
        return AxisSpec.exact(X_TITLE, lo, hi);
    }

    @Override
    public AxisSpec yAxis() {
        if (!hasData()) return null;
        double max = 0;
        for (ComparisonCurves.Side s : curves.sides()) {
            for (int b = 0; b < curves.bins(); b++) if (s.pauses() > 0) max = Math.max(max, 100 * s.histogramShare(b));
        }
        return new AxisSpec(Y_TITLE, 0, max > 0 ? max * 1.05 : 1, false, true);
    }

    @Override
    public void drawData(Painter g, PlotArea area) {
        double[] e = curves.histogramEdgesMs();
        List<ComparisonCurves.Side> sides = curves.sides();
        double base = area.yScale().toPixel(0);
        for (int i = 0; i < sides.size(); i++) {
            ComparisonCurves.Side s = sides.get(i);
            if (s.pauses() == 0) continue;
            g.setFill(style.side(i, FILL_OPACITY));
            for (int b = 0; b < curves.bins(); b++) {
                double x0 = px(area, e[b]), x1 = px(area, e[b + 1]), top = py(area, s, b);
                g.fillRect(x0, top, Math.max(1, x1 - x0), base - top);
            }
        }
        for (int i = 0; i < sides.size(); i++) {
            ComparisonCurves.Side s = sides.get(i);
            if (s.pauses() == 0) continue;
            g.setStroke(style.side(i));
            g.setLineWidth(2);
            g.beginPath();
            g.moveTo(px(area, e[0]), base);
            for (int b = 0; b < curves.bins(); b++) {
                double top = py(area, s, b);
                g.lineTo(px(area, e[b]), top);
                g.lineTo(px(area, e[b + 1]), top);
            }
            g.lineTo(px(area, e[e.length - 1]), base);
            g.stroke();
        }
        List<String> lines = new ArrayList<>();
        for (ComparisonCurves.Side s : sides) lines.add(String.format(Locale.ROOT, "%s  (%,d pauses)", s.label(), s.pauses()));
        OverlayLegend.draw(g, area, style, lines, List.of(), OverlayLegend.Corner.TOP_RIGHT);
    }

    public static double px(PlotArea a, double ms) {
        return a.xScale().toPixel(Math.log10(ms));
    }

    /** The top of side {@code s}'s bar in bin {@code b}. */
    public static double py(PlotArea a, ComparisonCurves.Side s, int b) {
        return a.yScale().toPixel(100 * s.histogramShare(b));
    }
}
