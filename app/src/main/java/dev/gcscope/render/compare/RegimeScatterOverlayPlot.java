package dev.gcscope.render.compare;

import dev.gcscope.analysis.compare.ComparisonCurves;
import dev.gcscope.analysis.regime.Regime;
import dev.gcscope.analysis.regime.RegimeScatterPoints;
import dev.gcscope.render.Painter;
import dev.gcscope.render.TextAlign;
import dev.gcscope.render.TextBaseline;
import dev.gcscope.render.plot.AxisSpec;
import dev.gcscope.render.plot.PlotArea;
import dev.gcscope.render.plot.PlotContent;
import dev.gcscope.render.regimes.RegimeScatterPlot;
import dev.gcscope.render.regimes.ScatterData;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every side's cycles on the regime scatter's axes (allocation rate, log; survival), each side in its
 * colour, and each side's regimes as rings at their centres labelled with their id: whether a
 * workload moved, and which regimes the comparison matched across the sides. Up to
 * {@link ScatterData#EXACT_LIMIT} cycles a side are dots at their places; more are drawn as the
 * occupied cells of the single-file view's grid, so a million cycles stay a few thousand squares.
 */
public record RegimeScatterOverlayPlot(ComparisonCurves curves, OverlayStyle style) implements PlotContent {
    public static final String PLACEHOLDER = "No cycles with allocation figures on any side";
    private static final double DOT_OPACITY = 0.45;

    private boolean hasData() {
        return curves != null && curves.sides().stream().anyMatch(s -> !s.scatter().isEmpty());
    }

    @Override public boolean logX() { return true; }

    @Override
    public AxisSpec xAxis() {
        if (!hasData()) return null;
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (ComparisonCurves.Side s : curves.sides()) {
            if (s.scatter().isEmpty()) continue;
            lo = Math.min(lo, s.scatter().xMin());
            hi = Math.max(hi, s.scatter().xMax());
        }
        if (hi - lo < 0.3) hi = lo + 0.3;
        double pad = (hi - lo) * 0.03;
        return AxisSpec.exact(RegimeScatterPlot.X_TITLE, lo - pad, hi + pad);
    }

    @Override
    public AxisSpec yAxis() {
        if (!hasData()) return null;
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (ComparisonCurves.Side s : curves.sides()) {
            if (s.scatter().isEmpty()) continue;
            lo = Math.min(lo, s.scatter().yMin());
            hi = Math.max(hi, s.scatter().yMax());
        }
        return new AxisSpec(RegimeScatterPlot.Y_TITLE, Math.max(0, lo), Math.min(1, Math.max(hi, lo + 0.05)), false, true);
    }

    @Override
    public void drawData(Painter g, PlotArea area) {
        List<ComparisonCurves.Side> sides = curves.sides();
        for (int i = 0; i < sides.size(); i++) drawCycles(g, area, sides.get(i), i);
        g.setFont(style.font());
        for (int i = 0; i < sides.size(); i++) drawCentres(g, area, sides.get(i), i);
        List<String> lines = new ArrayList<>();
        for (ComparisonCurves.Side s : sides) {
            lines.add(String.format(Locale.ROOT, "%s  (%,d cycles, %d regimes)", s.label(), s.toRow() - s.fromRow(), s.regimes().size()));
        }
        OverlayLegend.draw(g, area, style, lines, List.of("rings: each side's regime centres, by id"), OverlayLegend.Corner.TOP_RIGHT);
    }

    private void drawCycles(Painter g, PlotArea a, ComparisonCurves.Side s, int side) {
        RegimeScatterPoints p = s.scatter();
        if (p.isEmpty()) return;
        g.setFill(style.side(side, DOT_OPACITY));
        int placed = 0;
        for (int r = s.fromRow(); r < s.toRow(); r++) if (!Float.isNaN(p.log10Rate()[r])) placed++;
        if (placed <= ScatterData.EXACT_LIMIT) {
            double d = RegimeScatterPlot.DOT_RADIUS;
            for (int r = s.fromRow(); r < s.toRow(); r++) {
                if (Float.isNaN(p.log10Rate()[r])) continue;
                g.fillOval(px(a, p.log10Rate()[r]) - d, py(a, p.survival()[r]) - d, 2 * d, 2 * d);
            }
            return;
        }
        RegimeScatterPoints.Grid grid = p.bin(new int[p.log10Rate().length], 1, s.fromRow(), s.toRow(), ScatterData.GRID_COLS,
                ScatterData.GRID_ROWS);
        double cw = (p.xMax() - p.xMin()) / grid.cols(), ch = (p.yMax() - p.yMin()) / grid.rows();
        for (int cell = 0; cell < grid.cols() * grid.rows(); cell++) {
            if (grid.total(cell) == 0) continue;
            int c = cell % grid.cols(), row = cell / grid.cols();
            double x0 = px(a, p.xMin() + c * cw), x1 = px(a, p.xMin() + (c + 1) * cw);
            double y0 = py(a, p.yMin() + (row + 1) * ch), y1 = py(a, p.yMin() + row * ch);
            g.fillRect(x0, y0, Math.max(1.5, x1 - x0), Math.max(1.5, y1 - y0));
        }
    }

    private void drawCentres(Painter g, PlotArea a, ComparisonCurves.Side s, int side) {
        double ring = RegimeScatterPlot.RING_RADIUS;
        for (Regime r : s.regimes()) {
            if (!(r.allocRateMbS() > 0) || Double.isNaN(r.survival())) continue;
            double x = px(a, Math.log10(r.allocRateMbS())), y = py(a, r.survival());
            g.setStroke(style.frame().plotFill());
            g.setLineWidth(4);
            g.strokeOval(x - ring, y - ring, 2 * ring, 2 * ring);
            g.setStroke(style.side(side));
            g.setLineWidth(2);
            g.strokeOval(x - ring, y - ring, 2 * ring, 2 * ring);
            g.setFill(style.side(side));
            g.setTextAlign(TextAlign.LEFT);
            g.setTextBaseline(TextBaseline.BOTTOM);
            g.fillText("#" + r.id(), x + ring - 1, y - ring + 3);
        }
    }

    public static double px(PlotArea a, double log10Rate) {
        return a.xScale().toPixel(log10Rate);
    }

    public static double py(PlotArea a, double survival) {
        return a.yScale().toPixel(survival);
    }
}
