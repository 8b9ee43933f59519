package dev.gcscope.render.regimes;

import dev.gcscope.analysis.regime.Regime;
import dev.gcscope.analysis.regime.RegimeFeatures;
import dev.gcscope.analysis.regime.RegimeScatterPoints;
import dev.gcscope.render.ChartFont;
import dev.gcscope.render.Painter;
import dev.gcscope.render.Rgba;
import dev.gcscope.render.TextAlign;
import dev.gcscope.render.TextBaseline;
import dev.gcscope.render.plot.AxisSpec;
import dev.gcscope.render.plot.FrameColours;
import dev.gcscope.render.plot.PlotArea;
import dev.gcscope.render.plot.PlotContent;
import java.util.List;

/**
 * Allocation rate (log x) against survival (y), one dot per cycle coloured by regime; above
 * {@link ScatterData#EXACT_LIMIT} cycles, one square per grid cell in its dominant regime's colour,
 * more opaque the more cycles it holds, so a million cycles draw in the time of a few thousand.
 * Each regime's typical cycle is a numbered ring. A highlighted regime stands out, the others fade.
 *
 * @param data the selection's points, or null (the placeholder is shown)
 * @param highlightedRegime −1 or the regime that stands out
 */
public record RegimeScatterPlot(ScatterData data, int highlightedRegime, Colours colours, FrameColours frame, ChartFont font)
        implements PlotContent {
    public static final String Y_TITLE = "survival (live ÷ heap after GC)";
    public static final String X_TITLE = "allocation rate (MB/s, log scale; last " + RegimeFeatures.WINDOW + " cycles)";
    public static final String PLACEHOLDER = "No cycles with allocation figures in the selection";
    public static final double DOT_RADIUS = 2.2;
    public static final double RING_RADIUS = 9;
    private static final double FADED_ALPHA = 0.12;

    /** {@code -chart-regime-0..7} (regimes beyond 8 reuse them) and {@code -chart-regime-none} on screen. */
    public record Colours(List<Rgba> regimes, Rgba none) {
        public Colours {
            regimes = List.copyOf(regimes);
        }

        /** The colour of regime {@code id} (−1: no regime). */
        public Rgba of(int id) {
            return id < 0 ? none : regimes.get(id % regimes.size());
        }
    }

    private boolean hasData() {
        return data != null && !data.isEmpty();
    }

    /** Room left beyond the data at each end of the y axis, as a fraction of its range. */
    private static final double DOT_ROOM = 0.03;

    @Override
    public boolean logX() {
        return true;
    }

    @Override
    public AxisSpec xAxis() {
        if (!hasData()) return null;
        RegimeScatterPoints p = data.points();
        double lo = p.xMin(), hi = p.xMax();
        if (hi - lo < 0.3) {
            double mid = (lo + hi) / 2;
            lo = mid - 0.15;
            hi = mid + 0.15;
        }
        double pad = (hi - lo) * 0.03;
        return new AxisSpec(X_TITLE, lo - pad, hi + pad, false, false);
    }

    @Override
    public AxisSpec yAxis() {
        if (!hasData()) return null;
        RegimeScatterPoints p = data.points();
        // room beyond 0 and 1 (survival's bounds, where many cycles lie) so no dot is cut at the plot's edge
        double lo = Math.min(0, p.yMin()), hi = Math.max(1, p.yMax());
        double pad = (hi - lo) * DOT_ROOM;
        return new AxisSpec(Y_TITLE, lo - pad, hi + pad, false, false, false);
    }

    @Override
    public void drawData(Painter g, PlotArea area) {
        int hl = highlightedRegime;
        if (data.exact()) drawDots(g, area, data, hl);
        else drawCells(g, area, data, hl);
        drawRings(g, area, data, hl);
    }

    private void drawDots(Painter g, PlotArea a, ScatterData d, int hl) {
        float[] x = d.points().log10Rate(), y = d.points().survival();
        // two passes when highlighting, so the highlighted regime is drawn over the faded rest
        for (int pass = hl < 0 ? 1 : 0; pass < 2; pass++) {
            for (int i = d.from(); i < d.to(); i++) {
                if (Float.isNaN(x[i])) continue;
                int r = d.regimeOfRow()[i];
                boolean emphasised = hl < 0 || r == hl;
                if (emphasised != (pass == 1)) continue;
                g.setGlobalAlpha(emphasised ? 0.8 : FADED_ALPHA);
                g.setFill(colours.of(r));
                g.fillOval(a.xScale().toPixel(x[i]) - DOT_RADIUS, a.yScale().toPixel(y[i]) - DOT_RADIUS, 2 * DOT_RADIUS, 2 * DOT_RADIUS);
            }
        }
        g.setGlobalAlpha(1);
    }

    private void drawCells(Painter g, PlotArea a, ScatterData d, int hl) {
        RegimeScatterPoints p = d.points();
        RegimeScatterPoints.Grid grid = d.grid();
        int none = grid.counts().length - 1;
        double logMax = Math.log1p(grid.maxTotal());
        double x0 = a.xScale().toPixel(p.xMin()), x1 = a.xScale().toPixel(p.xMax() > p.xMin() ? p.xMax() : p.xMin() + 1);
        double y0 = a.yScale().toPixel(p.yMin()), y1 = a.yScale().toPixel(p.yMax() > p.yMin() ? p.yMax() : p.yMin() + 1);
        double cw = (x1 - x0) / grid.cols(), ch = (y1 - y0) / grid.rows();
        double size = Math.max(2, Math.max(Math.abs(cw), Math.abs(ch)));
        for (int pass = hl < 0 ? 1 : 0; pass < 2; pass++) {
            for (int cell = 0; cell < grid.cols() * grid.rows(); cell++) {
                int total = grid.total(cell);
                if (total == 0) continue;
                boolean emphasised = hl < 0 || (hl < none && grid.counts()[hl][cell] > 0);
                if (emphasised != (pass == 1)) continue;
                int shown = hl >= 0 && emphasised ? hl : grid.dominant(cell);
                int count = hl >= 0 && emphasised ? grid.counts()[hl][cell] : total;
                g.setGlobalAlpha(emphasised ? 0.35 + 0.65 * Math.log1p(count) / logMax : FADED_ALPHA);
                g.setFill(colours.of(shown == none ? -1 : shown));
                double cx = x0 + (cell % grid.cols() + 0.5) * cw, cy = y0 + (cell / grid.cols() + 0.5) * ch;
                g.fillRect(cx - size / 2, cy - size / 2, size, size);
            }
        }
        g.setGlobalAlpha(1);
    }

    private void drawRings(Painter g, PlotArea a, ScatterData d, int hl) {
        g.setTextAlign(TextAlign.CENTER);
        g.setTextBaseline(TextBaseline.CENTER);
        g.setFont(font.asBold());
        for (Regime r : d.regimes()) {
            double[] c = ringCentre(a, r);
            if (c == null) continue;
            // a regime without cycles in the selection keeps its ring (the axes are the whole trace's), dimmed
            boolean present = r.id() < d.grid().counts().length - 1 && d.grid().cyclesOf(r.id()) > 0;
            g.setGlobalAlpha((hl < 0 || hl == r.id()) && present ? 1 : 0.35);
            g.setFill(frame.plotFill());
            g.fillOval(c[0] - RING_RADIUS, c[1] - RING_RADIUS, 2 * RING_RADIUS, 2 * RING_RADIUS);
            g.setStroke(colours.of(r.id()));
            g.setLineWidth(hl == r.id() ? 3.5 : 2.5);
            g.strokeOval(c[0] - RING_RADIUS, c[1] - RING_RADIUS, 2 * RING_RADIUS, 2 * RING_RADIUS);
            g.setFill(frame.textFill());
            g.fillText(Integer.toString(r.id()), c[0], c[1]);
        }
        g.setGlobalAlpha(1);
        g.setFont(font);
    }

    /** Where regime {@code r}'s ring is drawn, or null when its typical rate cannot be placed. */
    public static double[] ringCentre(PlotArea a, Regime r) {
        if (!(r.allocRateMbS() > 0) || Double.isNaN(r.survival())) return null;
        return new double[] {a.xScale().toPixel(Math.log10(r.allocRateMbS())), a.yScale().toPixel(r.survival())};
    }
}
