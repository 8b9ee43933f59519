package dev.gcscope.render.compare;

import dev.gcscope.analysis.compare.ComparisonCurves;
import dev.gcscope.render.Painter;
import dev.gcscope.render.plot.AxisSpec;
import dev.gcscope.render.plot.AxisTicks;
import dev.gcscope.render.plot.PlotArea;
import dev.gcscope.render.plot.PlotContent;
import dev.gcscope.render.plot.Quantity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The sides' stop-the-world pauses as complementary CDFs on log–log axes: for each pause length, the
 * share of the side's pauses at least that long. The tail is where the curves part: a side whose
 * curve lies to the left at 1 % has the shorter P99. Dotted reference lines at 50 %, 1 % and 0.1 %
 * mark where each curve reads its P50, P99 and P99.9.
 */
public record CcdfOverlayPlot(ComparisonCurves curves, OverlayStyle style) implements PlotContent {
    public static final String X_TITLE = "stop-the-world pause (ms, log scale)";
    public static final String Y_TITLE = "pauses at least this long (%, log scale)";
    public static final String PLACEHOLDER = "No positive pause on any side";
    /** The reference shares and the percentile each reads. */
    private static final double[] REFERENCE_SHARES = {0.5, 0.01, 0.001};
    private static final String[] REFERENCE_NAMES = {"P50", "P99", "P99.9"};

    private boolean hasData() {
        return curves != null && curves.sides().stream().anyMatch(s -> s.ccdfMs().length > 0);
    }

    @Override public boolean logX() { return true; }
    @Override public boolean logY() { return true; }

    @Override
    public AxisSpec xAxis() {
        if (!hasData()) return null;
        double lo = Double.POSITIVE_INFINITY, hi = 0;
        for (ComparisonCurves.Side s : curves.sides()) {
            if (s.ccdfMs().length == 0) continue;
            lo = Math.min(lo, s.ccdfMs()[0]);
            hi = Math.max(hi, s.ccdfMs()[s.ccdfMs().length - 1]);
        }
        double llo = Math.log10(lo), lhi = Math.log10(hi);
        if (lhi - llo < 0.3) lhi = llo + 0.3;
        double pad = (lhi - llo) * 0.03;
        return AxisSpec.exact(X_TITLE, llo - pad, lhi + pad);
    }

    @Override
    public AxisSpec yAxis() {
        if (!hasData()) return null;
        double lo = 1;
        for (ComparisonCurves.Side s : curves.sides()) {
            if (s.ccdfShare().length > 0) lo = Math.min(lo, s.ccdfShare()[s.ccdfShare().length - 1]);
        }
        double llo = Math.log10(lo);
        return AxisSpec.exact(Y_TITLE, llo - 0.15, 0.08);
    }

    @Override
    public String yTickLabel(AxisTicks ticks, int i) {
        return Quantity.number(100 * Math.pow(10, ticks.at(i)));
    }

    @Override
    public void drawData(Painter g, PlotArea area) {
        drawReferences(g, area);
        List<ComparisonCurves.Side> sides = curves.sides();
        for (int i = 0; i < sides.size(); i++) {
            ComparisonCurves.Side s = sides.get(i);
            double[] xs = s.ccdfMs(), ys = s.ccdfShare();
            if (xs.length == 0) continue;
            CcdfAxes.drawCurve(g, area, xs, ys, style.side(i));
        }
        List<String> lines = new ArrayList<>();
        for (ComparisonCurves.Side s : sides) lines.add(String.format(Locale.ROOT, "%s  (%,d pauses)", s.label(), s.pauses()));
        OverlayLegend.draw(g, area, style, lines, List.of(), OverlayLegend.Corner.BOTTOM_LEFT);
    }

    private void drawReferences(Painter g, PlotArea area) {
        CcdfAxes.drawReferences(g, area, style, REFERENCE_SHARES, REFERENCE_NAMES);
    }

    /** Where a pause of {@code ms} is drawn, in chart coordinates. */
    public static double px(PlotArea a, double ms) {
        return CcdfAxes.px(a, ms);
    }

    /** Where a share (0–1] is drawn. */
    public static double py(PlotArea a, double share) {
        return CcdfAxes.py(a, share);
    }
}
