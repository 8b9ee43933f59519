package dev.gcscope.render.distribution;

import static dev.gcscope.render.plot.Pixels.snap;

import dev.gcscope.analysis.CycleRangeAnalysis.RegimePauses;
import dev.gcscope.analysis.stats.Convergence;
import dev.gcscope.analysis.stats.PercentileInterval.Estimate;
import dev.gcscope.render.ChartFont;
import dev.gcscope.render.Painter;
import dev.gcscope.render.Rgba;
import dev.gcscope.render.TextAlign;
import dev.gcscope.render.TextBaseline;
import dev.gcscope.render.plot.AxisSpec;
import dev.gcscope.render.plot.FrameColours;
import dev.gcscope.render.plot.PlotArea;
import dev.gcscope.render.plot.PlotContent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Running P50 and P99 after the first N cycles (log x, log y), each with its 95% interval band (an
 * end still open — P99 needs 368 pauses for an upper bound — reaches the edge of the plot); a
 * vertical marker where each becomes stable; the SLO threshold as a horizontal line; and, when a
 * regime is highlighted, that regime's own P50 and P99 as dotted lines in its colour.
 *
 * @param convergence the running percentiles, or null (the placeholder is shown)
 * @param sloMs the SLO line, NaN or 0 for none
 * @param sloHint what the SLO label adds after the threshold ("drag to move" on screen)
 * @param regimeReference the highlighted regime's own percentiles, or null
 */
public record ConvergencePlot(Convergence.Result convergence, double sloMs, String sloHint, RegimePauses regimeReference,
                              Colours colours, FrameColours frame, ChartFont font) implements PlotContent {
    public static final String X_TITLE = "cycles so far (log scale)";
    public static final String Y_TITLE = "pause (ms, log scale)";
    public static final String PLACEHOLDER =
            "Fewer than " + Convergence.MIN_CYCLES + " pauses in the selection: nothing to converge";
    public static final String SCREEN_SLO_HINT = " (drag to move)";

    /**
     * {@code -chart-p50-stroke}, {@code -chart-p99-stroke}, {@code -chart-band-fill},
     * {@code -chart-band-p99-fill}, {@code -chart-slo-stroke}, {@code -chart-stable-stroke} and the
     * regimes' {@code -chart-regime-0..7} on screen.
     */
    public record Colours(Rgba p50, Rgba p99, Rgba band, Rgba bandP99, Rgba slo, Rgba stable, List<Rgba> regimes) {
        public Colours {
            regimes = List.copyOf(regimes);
        }

        public Rgba regime(int id) {
            return regimes.get(Math.floorMod(id, regimes.size()));
        }
    }

    private boolean hasData() {
        return convergence != null && !convergence.points().isEmpty();
    }

    @Override
    public boolean logX() {
        return true;
    }

    @Override
    public boolean logY() {
        return true;
    }

    @Override
    public AxisSpec xAxis() {
        if (!hasData()) return null;
        List<Convergence.Point> pts = convergence.points();
        double lo = Math.log10(pts.get(0).cycles()), hi = Math.log10(pts.get(pts.size() - 1).cycles());
        if (hi - lo < 0.3) hi = lo + 0.3;
        return new AxisSpec(X_TITLE, lo, hi, false, false);
    }

    @Override
    public AxisSpec yAxis() {
        if (!hasData()) return null;
        double lo = Double.POSITIVE_INFINITY, hi = 0;
        for (Convergence.Point p : convergence.points()) {
            for (Estimate e : new Estimate[] {p.p50(), p.p99()}) {
                if (e.hasLow() && e.low() > 0) lo = Math.min(lo, e.low());
                if (e.value() > 0) lo = Math.min(lo, e.value());
                if (e.hasHigh()) hi = Math.max(hi, e.high());
                if (e.value() > 0) hi = Math.max(hi, e.value());
            }
        }
        if (sloMs > 0) {
            lo = Math.min(lo, sloMs);
            hi = Math.max(hi, sloMs);
        }
        RegimePauses r = regimeReference;
        if (r != null) {
            for (double v : new double[] {r.p50Ms(), r.p99Ms()}) {
                if (v > 0 && Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (!(hi > 0) || !Double.isFinite(lo)) return new AxisSpec(Y_TITLE, -1, 1, false, false);
        double llo = Math.log10(lo), lhi = Math.log10(hi);
        double pad = Math.max(0.05, (lhi - llo) * 0.06);
        return new AxisSpec(Y_TITLE, llo - pad, lhi + pad, false, false);
    }

    @Override
    public void drawData(Painter g, PlotArea area) {
        List<Convergence.Point> pts = convergence.points();
        band(g, area, pts, Convergence.Point::p99, colours.bandP99());
        band(g, area, pts, Convergence.Point::p50, colours.band());
        line(g, area, pts, Convergence.Point::p50, colours.p50());
        line(g, area, pts, Convergence.Point::p99, colours.p99());
        g.setFont(font);
        List<double[]> taken = new ArrayList<>();
        stableMarker(g, area, convergence.stableAfterP99(), "P99 stable after ", 1, taken);
        stableMarker(g, area, convergence.stableAfterP50(), "P50 stable after ", 0, taken);
        drawRegimeReference(g, area);
        if (sloMs > 0) {
            double py = snap(area.yScale().toPixel(Math.log10(sloMs)));
            g.setStroke(colours.slo());
            g.setLineWidth(2);
            g.strokeLine(area.x(), py, area.right(), py);
            g.setFill(colours.slo());
            // on the left: the stable-after markers come late, on the right
            g.setTextAlign(TextAlign.LEFT);
            g.setTextBaseline(TextBaseline.BOTTOM);
            g.fillText(String.format(Locale.ROOT, "SLO %.3f ms", sloMs) + sloHint, area.x() + 6, py - 3);
        }
    }

    /** Dotted lines at the regime's P50 and P99, labelled at the right end (the SLO label is on the left). */
    private void drawRegimeReference(Painter g, PlotArea area) {
        RegimePauses r = regimeReference;
        if (r == null) return;
        Rgba stroke = colours.regime(r.regime());
        g.setStroke(stroke);
        g.setFill(stroke);
        g.setLineWidth(2);
        g.setLineDashes(2, 4);
        g.setTextAlign(TextAlign.RIGHT);
        double previousY = Double.NaN;
        String[] names = {"P50", "P99"};
        double[] values = {r.p50Ms(), r.p99Ms()};
        double h = g.lineHeight();
        for (int k = 0; k < 2; k++) {
            if (!(values[k] > 0) || !Double.isFinite(values[k])) continue;
            double py = snap(referenceY(area, values[k]));
            g.strokeLine(area.x(), py, area.right(), py);
            // P99 above its line, P50 below, so two close lines keep both labels
            boolean above = k == 1 || (!Double.isNaN(previousY) && Math.abs(previousY - py) < h + 4);
            String text = String.format(Locale.ROOT, "regime %d %s %.3f ms", r.regime(), names[k], values[k]);
            double w = g.textWidth(text);
            double ty = above ? py - 3 - h : py + 3;
            // on a patch of the plot's own fill: the label often sits on the running percentile it is compared with
            g.setGlobalAlpha(0.85);
            g.setFill(frame.plotFill());
            g.fillRect(area.right() - 8 - w, ty - 1, w + 4, h + 2);
            g.setGlobalAlpha(1);
            g.setFill(stroke);
            g.setTextBaseline(TextBaseline.TOP);
            g.fillText(text, area.right() - 6, ty);
            previousY = py;
        }
        g.setLineDashes((double[]) null);
    }

    /** Where a reference line at {@code ms} is drawn, in chart coordinates. */
    public static double referenceY(PlotArea a, double ms) {
        return a.yScale().toPixel(Math.log10(ms));
    }

    /** Where the "stable after {@code cycles}" marker is drawn, in chart coordinates. */
    public static double stableMarkerX(PlotArea a, int cycles) {
        return a.xScale().toPixel(Math.log10(cycles));
    }

    private static double logOr(double v, double fallback) {
        return v > 0 ? Math.log10(v) : fallback;
    }

    private static void band(Painter g, PlotArea a, List<Convergence.Point> pts, Function<Convergence.Point, Estimate> f, Rgba fill) {
        int n = pts.size();
        double[] xs = new double[2 * n], ys = new double[2 * n];
        double floor = a.yScale().dataMin();
        for (int i = 0; i < n; i++) {
            Estimate e = f.apply(pts.get(i));
            double x = a.xScale().toPixel(Math.log10(pts.get(i).cycles()));
            xs[i] = x;
            // an open upper end goes to the top of the plot: the pauses so far bound it from below only
            ys[i] = e.hasHigh() ? a.yScale().toPixel(logOr(e.high(), floor)) : a.y();
            xs[2 * n - 1 - i] = x;
            ys[2 * n - 1 - i] = e.hasLow() ? a.yScale().toPixel(logOr(e.low(), floor)) : a.bottom();
        }
        g.setFill(fill);
        g.fillPolygon(xs, ys, 2 * n);
    }

    private static void line(Painter g, PlotArea a, List<Convergence.Point> pts, Function<Convergence.Point, Estimate> f, Rgba stroke) {
        g.setStroke(stroke);
        g.setLineWidth(2);
        g.beginPath();
        double floor = a.yScale().dataMin();
        for (int i = 0; i < pts.size(); i++) {
            double x = a.xScale().toPixel(Math.log10(pts.get(i).cycles()));
            double y = a.yScale().toPixel(logOr(f.apply(pts.get(i)).value(), floor));
            if (i == 0) g.moveTo(x, y);
            else g.lineTo(x, y);
        }
        g.stroke();
    }

    /** @param taken label boxes placed in this drawing ({x0, x1, y0, y1}), which this one avoids and joins */
    private void stableMarker(Painter g, PlotArea a, int cycles, String label, int row, List<double[]> taken) {
        if (cycles <= 0) return;
        double px = snap(stableMarkerX(a, cycles));
        g.setStroke(colours.stable());
        g.setLineWidth(1.5);
        g.setLineDashes(5, 3);
        g.strokeLine(px, a.y(), px, a.bottom());
        g.setLineDashes((double[]) null);
        String text = label + String.format(Locale.ROOT, "%,d", cycles);
        double w = g.textWidth(text);
        double h = g.lineHeight();
        boolean fitsRight = px + 4 + w <= a.right();
        double x0 = fitsRight ? px + 4 : px - 4 - w;
        double ty = freeRow(a, x0 - 2, x0 + w + 2, h, row, taken);
        g.setFill(colours.stable());
        g.setTextBaseline(TextBaseline.TOP);
        g.setTextAlign(fitsRight ? TextAlign.LEFT : TextAlign.RIGHT);
        g.fillText(text, fitsRight ? px + 4 : px - 4, ty);
        taken.add(new double[] {x0 - 2, x0 + w + 2, ty - 2, ty + h + 2});
    }

    /**
     * The top of the first row of text, from the top of the plot down (starting at row {@code first}),
     * that neither running percentile nor the SLO line nor a label already placed crosses between
     * {@code x0} and {@code x1}: the P99 line used to run through its own "stable after" label.
     * The top row when none is free.
     */
    private double freeRow(PlotArea a, double x0, double x1, double h, int first, List<double[]> taken) {
        double step = h + 2;
        for (int k = first; a.y() + 3 + (k + 1) * step <= a.bottom(); k++) {
            double y0 = a.y() + 3 + k * step - 2, y1 = y0 + h + 4;
            if (clear(a, x0, x1, y0, y1, h, taken)) return y0 + 2;
        }
        return a.y() + 3 + first * step;
    }

    /** @param h the height of a line of text (the SLO label's above its line) */
    private boolean clear(PlotArea a, double x0, double x1, double y0, double y1, double h, List<double[]> taken) {
        for (double[] t : taken) {
            if (t[0] < x1 && x0 < t[1] && t[2] < y1 && y0 < t[3]) return false;
        }
        if (sloMs > 0) {
            double py = a.yScale().toPixel(Math.log10(sloMs));
            // the SLO line and its label above it
            if (py + 2 > y0 && py - 3 - h < y1) return false;
        }
        List<Convergence.Point> pts = convergence.points();
        double floor = a.yScale().dataMin();
        for (Function<Convergence.Point, Estimate> f : List.<Function<Convergence.Point, Estimate>>of(
                Convergence.Point::p50, Convergence.Point::p99)) {
            for (int i = 1; i < pts.size(); i++) {
                double xa = a.xScale().toPixel(Math.log10(pts.get(i - 1).cycles()));
                double xb = a.xScale().toPixel(Math.log10(pts.get(i).cycles()));
                if (xb < x0 || xa > x1) continue;
                double ya = a.yScale().toPixel(logOr(f.apply(pts.get(i - 1)).value(), floor));
                double yb = a.yScale().toPixel(logOr(f.apply(pts.get(i)).value(), floor));
                // the segment's y range within [x0, x1] (a straight segment: its ends there)
                double ta = xb > xa ? Math.max(0, (x0 - xa) / (xb - xa)) : 0;
                double tb = xb > xa ? Math.min(1, (x1 - xa) / (xb - xa)) : 1;
                double ys = ya + (yb - ya) * ta, ye = ya + (yb - ya) * tb;
                if (Math.max(ys, ye) + 2 > y0 && Math.min(ys, ye) - 2 < y1) return false;
            }
        }
        return true;
    }

}
