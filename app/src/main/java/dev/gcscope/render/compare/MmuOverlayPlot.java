package dev.gcscope.render.compare;

import dev.gcscope.analysis.compare.ComparisonCurves;
import dev.gcscope.analysis.stats.MutatorUtilization;
import dev.gcscope.render.Painter;
import dev.gcscope.render.mmu.MmuPlot;
import dev.gcscope.render.plot.AxisSpec;
import dev.gcscope.render.plot.PlotArea;
import dev.gcscope.render.plot.PlotContent;
import java.util.ArrayList;
import java.util.List;

/**
 * The sides' minimum mutator utilization curves on one pair of axes (log window, 0–100 %), as each
 * side's MMU view draws its own: a higher curve kept more of the CPUs for the program.
 */
public record MmuOverlayPlot(ComparisonCurves curves, OverlayStyle style) implements PlotContent {
    public static final String PLACEHOLDER = "No MMU: no side has cycle start times spanning enough time";

    private boolean hasData() {
        return curves != null && curves.sides().stream().anyMatch(s -> !s.mmu().isEmpty());
    }

    @Override public boolean logX() { return true; }

    @Override
    public AxisSpec xAxis() {
        if (!hasData()) return null;
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (ComparisonCurves.Side s : curves.sides()) {
            if (s.mmu().isEmpty()) continue;
            lo = Math.min(lo, Math.log10(s.mmu().get(0).windowMs()));
            hi = Math.max(hi, Math.log10(s.mmu().get(s.mmu().size() - 1).windowMs()));
        }
        if (hi - lo < 0.3) hi = lo + 0.3;
        double pad = (hi - lo) * 0.01;
        return new AxisSpec(MmuPlot.X_TITLE, lo - pad, hi + pad, false, false);
    }

    @Override
    public AxisSpec yAxis() {
        return hasData() ? new AxisSpec(MmuPlot.Y_TITLE, 0, 100, false, true) : null;
    }

    @Override
    public void drawData(Painter g, PlotArea area) {
        List<ComparisonCurves.Side> sides = curves.sides();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < sides.size(); i++) {
            List<MutatorUtilization.Point> c = sides.get(i).mmu();
            lines.add(sides.get(i).label() + (c.isEmpty() ? "  (no curve)" : ""));
            g.setStroke(style.side(i));
            g.setFill(style.side(i));
            g.setLineWidth(2);
            g.beginPath();
            for (int k = 0; k < c.size(); k++) {
                double x = MmuPlot.px(area, c.get(k)), y = MmuPlot.py(area, c.get(k));
                if (k == 0) g.moveTo(x, y);
                else g.lineTo(x, y);
            }
            g.stroke();
            for (MutatorUtilization.Point p : c) g.fillOval(MmuPlot.px(area, p) - 2.5, MmuPlot.py(area, p) - 2.5, 5, 5);
        }
        // MMU rises to the right: the top left is where the curves are not
        OverlayLegend.draw(g, area, style, lines, List.of(), OverlayLegend.Corner.TOP_LEFT);
    }
}
