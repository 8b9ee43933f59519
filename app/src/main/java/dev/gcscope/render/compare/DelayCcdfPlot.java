package dev.gcscope.render.compare;

import dev.gcscope.analysis.sched.Ccdf;
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
 * Scheduling delays of the sides of a scheduler comparison (issue 11) as complementary CDFs on log–log
 * axes, each side in its colour with a legend: for each delay, the share of the side's switches (or of
 * the runtime's observations) at least that long. It is {@link CcdfOverlayPlot}'s picture for
 * {@link Ccdf} curves, whose values need not be GC pauses; zero delays, which a log axis cannot show,
 * are counted in the legend.
 *
 * @param sides one curve per side, in the comparison's order
 * @param labels each side's label
 * @param what what the values are, for the x axis title ("scheduling delay")
 * @param counted what is counted, for the y axis title and the legend ("switches", "observations")
 */
public record DelayCcdfPlot(List<Ccdf> sides, List<String> labels, String what, String counted, OverlayStyle style)
        implements PlotContent {
    public static final String PLACEHOLDER = "No positive delay on any side";
    private static final double[] REFERENCE_SHARES = {0.5, 0.1, 0.01, 0.001};
    private static final String[] REFERENCE_NAMES = {"P50", "P90", "P99", "P99.9"};

    public DelayCcdfPlot {
        sides = List.copyOf(sides);
        labels = List.copyOf(labels);
    }

    private boolean hasData() {
        return sides.stream().anyMatch(s -> !s.isEmpty());
    }

    public String xTitle() {
        return what + " (ms, log scale)";
    }

    public String yTitle() {
        return counted + " at least this long (%, log scale)";
    }

    @Override public boolean logX() { return true; }
    @Override public boolean logY() { return true; }

    @Override
    public AxisSpec xAxis() {
        if (!hasData()) return null;
        double lo = Double.POSITIVE_INFINITY, hi = 0;
        for (Ccdf s : sides) {
            if (s.isEmpty()) continue;
            lo = Math.min(lo, s.x()[0]);
            hi = Math.max(hi, s.x()[s.x().length - 1]);
        }
        double llo = Math.log10(lo), lhi = Math.log10(hi);
        if (lhi - llo < 0.3) lhi = llo + 0.3;
        double pad = (lhi - llo) * 0.03;
        return AxisSpec.exact(xTitle(), llo - pad, lhi + pad);
    }

    @Override
    public AxisSpec yAxis() {
        if (!hasData()) return null;
        double lo = 1;
        for (Ccdf s : sides) if (!s.isEmpty()) lo = Math.min(lo, s.share()[s.share().length - 1]);
        return AxisSpec.exact(yTitle(), Math.log10(lo) - 0.15, 0.08);
    }

    @Override
    public String yTickLabel(AxisTicks ticks, int i) {
        return Quantity.number(100 * Math.pow(10, ticks.at(i)));
    }

    @Override
    public void drawData(Painter g, PlotArea area) {
        drawReferences(g, area);
        for (int i = 0; i < sides.size(); i++) {
            Ccdf s = sides.get(i);
            if (s.isEmpty()) continue;
            double[] xs = s.x(), ys = s.share();
            CcdfAxes.drawCurve(g, area, xs, ys, style.side(i));
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < sides.size(); i++) {
            Ccdf s = sides.get(i);
            double zero = s.count() == 0 ? 0 : 1 - (s.isEmpty() ? 0 : s.share()[0]);
            String label = i < labels.size() ? labels.get(i) : "side " + (i + 1);
            // plain digits: a goroutine latency bucket's edge (0.000064 ms) reads badly as 6.40e-05
            String below = s.binned() && !s.isEmpty() ? "under " + new java.math.BigDecimal(s.x()[0])
                    .round(new java.math.MathContext(2)).stripTrailingZeros().toPlainString() + " ms" : "of them 0";
            lines.add(zero >= 0.0005 && !s.isEmpty()
                    ? String.format(Locale.ROOT, "%s  (%,d %s, %.1f %% %s)", label, s.count(), counted, 100 * zero, below)
                    : String.format(Locale.ROOT, "%s  (%,d %s)", label, s.count(), counted));
        }
        OverlayLegend.draw(g, area, style, lines, List.of(), OverlayLegend.Corner.BOTTOM_LEFT);
    }

    private void drawReferences(Painter g, PlotArea area) {
        CcdfAxes.drawReferences(g, area, style, REFERENCE_SHARES, REFERENCE_NAMES);
    }

    /** Where a delay of {@code ms} is drawn, in chart coordinates. */
    public static double px(PlotArea a, double ms) {
        return CcdfAxes.px(a, ms);
    }

    /** Where a share (0–1] is drawn. */
    public static double py(PlotArea a, double share) {
        return CcdfAxes.py(a, share);
    }
}
