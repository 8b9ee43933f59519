package dev.gcscope.render.distribution;

import static dev.gcscope.render.plot.Pixels.snap;

import dev.gcscope.analysis.stats.LogHistogram;
import dev.gcscope.render.ChartFont;
import dev.gcscope.render.Painter;
import dev.gcscope.render.Rgba;
import dev.gcscope.render.TextAlign;
import dev.gcscope.render.TextBaseline;
import dev.gcscope.render.distribution.PauseHistogram.FitCurve;
import dev.gcscope.render.distribution.PauseHistogram.Marker;
import dev.gcscope.render.plot.AxisSpec;
import dev.gcscope.render.plot.LinearScale;
import dev.gcscope.render.plot.PlotArea;
import dev.gcscope.render.plot.PlotContent;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Stop-the-world pauses of a selection in log-spaced bins (x: pause on a log axis, y: pauses per
 * bin), the fitted models drawn as the counts they expect per bin (the accepted one solid and
 * thick, the others dashed), dashed percentile markers labelled at the top, and the highlighted
 * regime's pauses over the bars in its colour.
 *
 * @param overlay the highlighted regime's pauses counted in {@code histogram}'s bins, or null
 * @param logY counts on a log axis, so the bins of the tail (a pause or two each) stand out from the
 *             thousands around the median
 */
public record StwHistogramPlot(PauseHistogram histogram, RegimePauseCounts overlay, Colours colours, Rgba textFill,
                               ChartFont font, boolean logY) implements PlotContent {
    /** Counts on a linear axis. */
    public StwHistogramPlot(PauseHistogram histogram, RegimePauseCounts overlay, Colours colours, Rgba textFill, ChartFont font) {
        this(histogram, overlay, colours, textFill, font, false);
    }

    /** Where a log count axis starts: half a pause, so a bin of one pause is a visible bar. */
    private static final double LOG_FLOOR = 0.5;

    public static final String X_TITLE = "stop-the-world pause (ms, log scale)";
    public static final String Y_TITLE = "pauses per bin";
    public static final String PLACEHOLDER = "No pauses in the selection";
    /** A narrower range is widened to this many decades, so a handful of equal pauses is still a readable bar. */
    private static final double MIN_DECADES = 0.3;
    /** The regime's bars are solid enough to read as "this part of the bar", light enough to keep the outline. */
    private static final double OVERLAY_OPACITY = 0.8;
    public static final double BARS_UNDER_OVERLAY_OPACITY = 0.6;

    /**
     * {@code -chart-bar-fill}, {@code -chart-bar-stroke}, {@code -chart-marker-stroke}, one stroke per
     * model ({@code -chart-exponential-stroke}, {@code -chart-lognormal-stroke},
     * {@code -chart-truncated-stroke}) and the regimes' {@code -chart-regime-0..7} on screen.
     */
    public record Colours(Rgba barFill, Rgba barStroke, Rgba markerStroke, Rgba exponential, Rgba lognormal, Rgba truncated,
                          List<Rgba> regimes) {
        public Colours {
            regimes = List.copyOf(regimes);
        }

        /** The stroke of a model's curve, by its name in {@code PauseFits}. */
        public Rgba fit(String model) {
            return switch (model) {
                case "exponential" -> exponential;
                case "log-normal" -> lognormal;
                default -> truncated;
            };
        }

        public Rgba regime(int id) {
            return regimes.get(Math.floorMod(id, regimes.size()));
        }
    }

    @Override
    public boolean logX() {
        return true;
    }

    @Override
    public AxisSpec xAxis() {
        PauseHistogram h = histogram;
        if (h == null || h.isEmpty()) return null;
        double[] e = h.bins().edges();
        double lo = Math.log10(e[0]), hi = Math.log10(e[e.length - 1]);
        if (hi - lo < MIN_DECADES) {
            double mid = (lo + hi) / 2;
            lo = mid - MIN_DECADES / 2;
            hi = mid + MIN_DECADES / 2;
        }
        return new AxisSpec(X_TITLE, lo, hi, false, false);
    }

    @Override
    public AxisSpec yAxis() {
        PauseHistogram h = histogram;
        if (h == null || h.isEmpty()) return null;
        if (logY) {
            double hi = Math.ceil(Math.log10(Math.max(2, h.maxCount() * 1.08)) - 1e-9);
            return new AxisSpec(Y_TITLE + " (log scale)", Math.log10(LOG_FLOOR), hi, false, false, false);
        }
        return new AxisSpec(Y_TITLE, 0, Math.max(1, h.maxCount() * 1.08), true, true);
    }

    @Override
    public boolean logY() {
        return logY;
    }

    /** The pixel row of count {@code v}: its log on a log axis (at most the floor's). */
    private double y(PlotArea area, double v) {
        return logY ? area.yScale().toPixel(Math.log10(Math.max(LOG_FLOOR, v))) : area.yScale().toPixel(v);
    }

    @Override
    public void drawData(Painter g, PlotArea area) {
        PauseHistogram h = histogram;
        LogHistogram bins = h.bins();
        double[] e = bins.edges();
        long[] counts = bins.counts();
        LinearScale xs = area.xScale(), ys = area.yScale();
        double base = logY ? area.bottom() : ys.toPixel(0);
        RegimePauseCounts o = shownOverlay();
        // with a regime overlaid, the bars of all pauses step back so its bars stand out
        g.setGlobalAlpha(o == null ? 1 : BARS_UNDER_OVERLAY_OPACITY);
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) continue;
            double x0 = xs.toPixel(Math.log10(e[i])), x1 = xs.toPixel(Math.log10(e[i + 1]));
            double top = Math.min(base - 1, y(area, counts[i]));
            g.setFill(colours.barFill());
            g.fillRect(x0, top, Math.max(1, x1 - x0), base - top);
            g.setStroke(colours.barStroke());
            g.setLineWidth(1);
            g.strokeRect(snap(x0), snap(top), Math.max(1, Math.round(x1 - x0)), Math.round(base - top));
        }
        g.setGlobalAlpha(1);
        if (o != null) {
            g.setFill(colours.regime(o.regime()));
            g.setGlobalAlpha(OVERLAY_OPACITY);
            for (int i = 0; i < o.counts().length; i++) {
                if (o.counts()[i] == 0) continue;
                double x0 = xs.toPixel(Math.log10(e[i])), x1 = xs.toPixel(Math.log10(e[i + 1]));
                double top = Math.min(base - 1, y(area, o.counts()[i]));
                // inside the bar's outline, so both counts stay readable
                g.fillRect(snap(x0) + 1, top, Math.max(1, Math.round(x1 - x0) - 1), base - top);
            }
            g.setGlobalAlpha(1);
        }
        // unaccepted models first, so the accepted one is drawn on top
        for (int pass = 0; pass < 2; pass++) {
            for (FitCurve f : h.fits()) {
                if (f.accepted() != (pass == 1)) continue;
                drawFit(g, area, e, f);
            }
        }
        drawMarkers(g, area, h.markers());
    }

    private void drawFit(Painter g, PlotArea area, double[] e, FitCurve f) {
        double[] expected = f.expected();
        g.setStroke(colours.fit(f.model()));
        g.setLineWidth(f.accepted() ? 2.5 : 1.5);
        g.setLineDashes(f.accepted() ? null : new double[] {6, 4});
        g.beginPath();
        for (int i = 0; i < expected.length; i++) {
            double px = area.xScale().toPixel((Math.log10(e[i]) + Math.log10(e[i + 1])) / 2);
            double py = y(area, expected[i]);
            if (i == 0) g.moveTo(px, py);
            else g.lineTo(px, py);
        }
        g.stroke();
        g.setLineDashes((double[]) null);
    }

    /** Dashed verticals; a label that would overlap the one before goes a line lower. */
    private void drawMarkers(Painter g, PlotArea area, List<Marker> markers) {
        g.setFont(font);
        g.setTextAlign(TextAlign.LEFT);
        g.setTextBaseline(TextBaseline.TOP);
        double lineH = g.lineHeight() + 2;
        double[] rowEnds = new double[markers.size()];
        Arrays.fill(rowEnds, Double.NEGATIVE_INFINITY);
        for (Marker m : markers) {
            double px = snap(area.xScale().toPixel(Math.log10(m.ms())));
            g.setStroke(colours.markerStroke());
            g.setLineWidth(1);
            g.setLineDashes(4, 3);
            g.strokeLine(px, area.y(), px, area.bottom());
            g.setLineDashes((double[]) null);
            String text = markerText(m);
            double w = g.textWidth(text);
            double tx = px + 3 + w > area.right() ? px - 3 - w : px + 3;
            int row = 0;
            while (row < rowEnds.length - 1 && tx < rowEnds[row] + 6) row++;
            rowEnds[row] = tx + w;
            g.setFill(textFill);
            g.fillText(text, tx, area.y() + 2 + row * lineH);
        }
    }

    /** A percentile marker's label: {@code P99 2.133}. */
    public static String markerText(Marker m) {
        return m.label() + " " + String.format(Locale.ROOT, "%.3f", m.ms());
    }

    /** The overlay if it was counted in the histogram's bins, else null (a stale one is never drawn in the wrong bins). */
    public RegimePauseCounts shownOverlay() {
        RegimePauseCounts o = overlay;
        return o != null && histogram != null && o.counts().length == histogram.bins().bins() ? o : null;
    }
}
