package dev.gcscope.render.compare;

import dev.gcscope.analysis.compare.ComparisonCurves;
import dev.gcscope.analysis.stats.Convergence;
import dev.gcscope.analysis.stats.PercentileInterval.Estimate;
import dev.gcscope.render.Painter;
import dev.gcscope.render.distribution.ConvergencePlot;
import dev.gcscope.render.plot.AxisSpec;
import dev.gcscope.render.plot.PlotArea;
import dev.gcscope.render.plot.PlotContent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The sides' running P50 (dashed) and P99 (solid) after the first N cycles, log–log, each P99 with
 * its 95 % band in the side's colour: whether each side has run long enough for its percentiles to
 * settle, and whether the two settle apart or inside each other's bands.
 */
public record ConvergenceOverlayPlot(ComparisonCurves curves, OverlayStyle style) implements PlotContent {
    public static final String PLACEHOLDER = "Fewer than " + Convergence.MIN_CYCLES + " pauses on every side: nothing to converge";
    private static final double BAND_OPACITY = 0.14;

    private boolean hasData() {
        return curves != null && curves.sides().stream().anyMatch(s -> !s.convergence().points().isEmpty());
    }

    @Override public boolean logX() { return true; }
    @Override public boolean logY() { return true; }

    @Override
    public AxisSpec xAxis() {
        if (!hasData()) return null;
        double lo = Double.POSITIVE_INFINITY, hi = 0;
        for (ComparisonCurves.Side s : curves.sides()) {
            List<Convergence.Point> p = s.convergence().points();
            if (p.isEmpty()) continue;
            lo = Math.min(lo, p.get(0).cycles());
            hi = Math.max(hi, p.get(p.size() - 1).cycles());
        }
        double llo = Math.log10(lo), lhi = Math.log10(hi);
        if (lhi - llo < 0.3) lhi = llo + 0.3;
        return AxisSpec.exact(ConvergencePlot.X_TITLE, llo, lhi);
    }

    @Override
    public AxisSpec yAxis() {
        if (!hasData()) return null;
        double lo = Double.POSITIVE_INFINITY, hi = 0;
        for (ComparisonCurves.Side s : curves.sides()) {
            for (Convergence.Point p : s.convergence().points()) {
                for (Estimate e : new Estimate[] {p.p50(), p.p99()}) {
                    if (e.value() > 0) {
                        lo = Math.min(lo, e.value());
                        hi = Math.max(hi, e.value());
                    }
                    if (e.hasLow() && e.low() > 0) lo = Math.min(lo, e.low());
                    if (e.hasHigh()) hi = Math.max(hi, e.high());
                }
            }
        }
        if (!(hi > 0) || !Double.isFinite(lo)) return AxisSpec.exact(ConvergencePlot.Y_TITLE, -1, 1);
        double llo = Math.log10(lo), lhi = Math.log10(hi);
        double pad = Math.max(0.05, (lhi - llo) * 0.06);
        return AxisSpec.exact(ConvergencePlot.Y_TITLE, llo - pad, lhi + pad);
    }

    @Override
    public void drawData(Painter g, PlotArea area) {
        List<ComparisonCurves.Side> sides = curves.sides();
        // bands of three sides or more blend into one colour: fainter, so the lines stay apart
        double opacity = BAND_OPACITY * Math.min(1, 2.0 / sides.size());
        for (int i = 0; i < sides.size(); i++) band(g, area, sides.get(i).convergence().points(), i, opacity);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < sides.size(); i++) {
            Convergence.Result c = sides.get(i).convergence();
            line(g, area, c.points(), Convergence.Point::p99, i, false);
            line(g, area, c.points(), Convergence.Point::p50, i, true);
            lines.add(sides.get(i).label() + "  " + stable(c));
        }
        OverlayLegend.draw(g, area, style, lines, List.of("solid P99, dashed P50; band: P99's 95 % interval"),
                // top right: the open ends of early bands reach there, the lines rarely do
                OverlayLegend.Corner.TOP_RIGHT);
    }

    /** "P99 stable after 412" or "P99 not yet stable", from the analysis's own verdict. */
    static String stable(Convergence.Result c) {
        if (c.points().isEmpty()) return "(too few pauses)";
        return c.stableAfterP99() > 0 ? String.format(Locale.ROOT, "(P99 stable after %,d)", c.stableAfterP99())
                : "(P99 not yet stable)";
    }

    private void band(Painter g, PlotArea a, List<Convergence.Point> pts, int side, double opacity) {
        int n = pts.size();
        if (n == 0) return;
        double[] xs = new double[2 * n], ys = new double[2 * n];
        for (int k = 0; k < n; k++) {
            Estimate e = pts.get(k).p99();
            double x = px(a, pts.get(k).cycles());
            xs[k] = x;
            // an open end reaches the plot's edge, as in the single-file view
            ys[k] = e.hasHigh() && e.high() > 0 ? py(a, e.high()) : a.y();
            xs[2 * n - 1 - k] = x;
            ys[2 * n - 1 - k] = e.hasLow() && e.low() > 0 ? py(a, e.low()) : a.bottom();
        }
        g.setFill(style.side(side, opacity));
        g.fillPolygon(xs, ys, 2 * n);
    }

    private void line(Painter g, PlotArea a, List<Convergence.Point> pts, Function<Convergence.Point, Estimate> f, int side,
                      boolean dashed) {
        g.setStroke(style.side(side));
        g.setLineWidth(2);
        if (dashed) g.setLineDashes(6, 4);
        g.beginPath();
        boolean started = false;
        for (Convergence.Point p : pts) {
            double v = f.apply(p).value();
            if (!(v > 0)) continue;
            double x = px(a, p.cycles()), y = py(a, v);
            if (!started) g.moveTo(x, y);
            else g.lineTo(x, y);
            started = true;
        }
        g.stroke();
        if (dashed) g.setLineDashes((double[]) null);
    }

    public static double px(PlotArea a, int cycles) {
        return a.xScale().toPixel(Math.log10(cycles));
    }

    public static double py(PlotArea a, double ms) {
        return a.yScale().toPixel(Math.log10(ms));
    }
}
