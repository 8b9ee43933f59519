package dev.gcscope.render.incident;

import dev.gcscope.analysis.incident.Diagnosis;
import dev.gcscope.format.PlainNumbers;
import dev.gcscope.render.Painter;
import dev.gcscope.render.Rgba;
import dev.gcscope.render.TextAlign;
import dev.gcscope.render.TextBaseline;
import dev.gcscope.render.incident.IncidentLane.Fact;
import dev.gcscope.render.incident.IncidentLane.Series;
import dev.gcscope.render.plot.AxisSpec;
import dev.gcscope.render.plot.PlotArea;
import dev.gcscope.render.plot.PlotContent;
import dev.gcscope.render.plot.TimeRange;
import java.util.Locale;

/**
 * One lane of the incident view over the shared viewport: its series per bin (bars from the axis, or
 * a line through the bins' centres), the delayed intervals shaded with their leading cause written
 * in the first lane, and GC cycles as spans along the top. The grid has a few hundred bins at most
 * (a 30 s recording in 0.1 s bins is 300), so every bin in view is drawn; no reduction is needed.
 *
 * @param viewport the x range shown, seconds from the lane set's origin
 * @param xTitle the time axis' title, empty under a lane that is not the last
 * @param labelCauses write the intervals' leading cause in their band (the top lane only)
 */
public record IncidentLanePlot(IncidentLaneSet set, IncidentLane lane, TimeRange viewport, String xTitle, boolean labelCauses,
                               Colours colours) implements PlotContent {

    /** {@code -chart-tone-1-stroke}, {@code -chart-tone-2-stroke}, {@code -chart-tone-3-stroke}, {@code -chart-bar-fill}, {@code -chart-band-fill}, {@code -chart-cycle-fill}. */
    public record Colours(Rgba first, Rgba second, Rgba third, Rgba bar, Rgba band, Rgba cycle, Rgba text, Rgba titleBackground) {
        Rgba of(IncidentLane.Tone t) {
            return switch (t) {
                case FIRST -> first;
                case SECOND -> second;
                case THIRD -> third;
                case BAR -> bar;
            };
        }
    }

    /** The smallest value a log lane shows: a microsecond, below anything perf or the runtime resolves. */
    static final double LOG_FLOOR = 0.001;

    @Override
    public AxisSpec xAxis() {
        return viewport.length() > 0 ? AxisSpec.exact(xTitle, viewport.from(), viewport.to()) : null;
    }

    @Override
    public AxisSpec yAxis() {
        double max = Double.NEGATIVE_INFINITY, minPositive = Double.POSITIVE_INFINITY;
        for (Series s : lane.series()) {
            for (int b = 0; b < s.values().length; b++) {
                double v = s.shown(b);
                if (!Double.isFinite(v)) continue;
                max = Math.max(max, v);
                if (v > 0) minPositive = Math.min(minPositive, v);
            }
        }
        if (lane.logY()) {
            if (!(max > 0)) return new AxisSpec(lane.unit(), -1, 1, false, true);
            double lo = Math.floor(Math.log10(Math.max(LOG_FLOOR, minPositive)));
            double hi = Math.ceil(Math.log10(max));
            return new AxisSpec(lane.unit(), lo, Math.max(hi, lo + 1), false, false, false);
        }
        if (!(max > 0)) max = 1;
        return new AxisSpec(lane.unit(), 0, max, false, true);
    }

    @Override
    public boolean logY() {
        return lane.logY();
    }

    @Override
    public void drawData(Painter g, PlotArea area) {
        double originS = set.originS();
        for (Diagnosis.Interval i : set.intervals()) {
            double x0 = area.xScale().toPixel(i.fromS() - originS), x1 = area.xScale().toPixel(i.toS() - originS);
            if (x1 < area.x() || x0 > area.right()) continue;
            g.setFill(colours.band());
            g.fillRect(x0, area.y(), Math.max(1, x1 - x0), area.height());
        }
        for (int k = lane.series().size() - 1; k >= 0; k--) {
            Series s = lane.series().get(k);
            if (s.style() == IncidentLane.Style.BARS) bars(g, area, s);
        }
        for (int k = lane.series().size() - 1; k >= 0; k--) {
            Series s = lane.series().get(k);
            if (s.style() == IncidentLane.Style.LINE) line(g, area, s);
        }
        if (lane.cycles() != null) cycles(g, area, lane.cycles());
        if (labelCauses) causes(g, area);
        title(g, area);
    }

    /** Each interval's leading cause along its band's bottom, over the data, where the band is wide enough (neighbours never overlap). */
    private void causes(Painter g, PlotArea area) {
        double h = g.lineHeight();
        for (Diagnosis.Interval i : set.intervals()) {
            double x0 = Math.max(area.x(), area.xScale().toPixel(i.fromS() - set.originS()));
            double x1 = Math.min(area.right(), area.xScale().toPixel(i.toS() - set.originS()));
            double w = g.textWidth(i.leading());
            if (w + 6 > x1 - x0) continue;
            g.setFill(colours.titleBackground());
            g.fillRect(x0 + 1, area.bottom() - 2 - h, w + 4, h);
            g.setFill(colours.text());
            g.setTextAlign(TextAlign.LEFT);
            g.setTextBaseline(TextBaseline.BOTTOM);
            g.fillText(i.leading(), x0 + 3, area.bottom() - 2);
        }
    }

    /** The lane's name in its top left corner, on the plot's own background so data never hides it. */
    private void title(Painter g, PlotArea area) {
        String title = lane.title() + "  —  " + fileName(lane.source());
        double w = g.textWidth(title), h = g.lineHeight();
        double x = area.x() + 4, y = area.y() + (lane.cycles() != null ? 6 : 2);
        g.setFill(colours.titleBackground());
        g.fillRect(x - 2, y, w + 4, h);
        g.setFill(colours.text());
        g.setTextAlign(TextAlign.LEFT);
        g.setTextBaseline(TextBaseline.TOP);
        g.fillText(title, x, y);
    }

    private static String fileName(String path) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return path.substring(slash + 1);
    }

    private double y(PlotArea area, double v) {
        if (lane.logY()) return v > 0 ? area.yScale().toPixel(Math.log10(Math.max(v, LOG_FLOOR))) : Double.NaN;
        return area.yScale().toPixel(v);
    }

    private void bars(Painter g, PlotArea area, Series s) {
        g.setFill(colours.of(s.tone()));
        double base = lane.logY() ? area.bottom() : area.yScale().toPixel(0);
        for (int b = 0; b < set.bins().count(); b++) {
            double v = s.shown(b);
            if (!(v > 0)) continue;
            double x0 = area.xScale().toPixel(set.bins().from(b) - set.originS()), x1 = area.xScale().toPixel(set.bins().to(b) - set.originS());
            if (x1 < area.x() || x0 > area.right()) continue;
            double top = Math.max(area.y(), y(area, v));
            // a gap of a pixel between bins when they are wide enough to show one, so a run of bins reads as bins
            double w = x1 - x0 > 4 ? x1 - x0 - 1 : Math.max(1, x1 - x0);
            g.fillRect(x0, top, w, Math.max(1, base - top));
        }
    }

    private void line(Painter g, PlotArea area, Series s) {
        g.setStroke(colours.of(s.tone()));
        g.setLineWidth(1.5);
        boolean open = false;
        for (int b = 0; b < set.bins().count(); b++) {
            double v = s.shown(b);
            double py = Double.isFinite(v) ? y(area, v) : Double.NaN;
            if (Double.isNaN(py)) {
                if (open) g.stroke();
                open = false;
                continue;
            }
            double px = area.xScale().toPixel((set.bins().from(b) + set.bins().to(b)) / 2 - set.originS());
            py = Math.max(area.y(), Math.min(area.bottom(), py));
            if (!open) {
                g.beginPath();
                g.moveTo(px, py);
                // a lone bin between two gaps is a short tick, not nothing
                g.lineTo(px + 1, py);
                open = true;
            } else {
                g.lineTo(px, py);
            }
        }
        if (open) g.stroke();
        g.setLineWidth(1);
    }

    private void cycles(Painter g, PlotArea area, IncidentLane.Spans spans) {
        g.setFill(colours.cycle());
        double from = viewport.from() + set.originS(), to = viewport.to() + set.originS();
        for (int i = 0; i < spans.startS().length; i++) {
            if (spans.endS()[i] < from || spans.startS()[i] > to) continue;
            double x0 = area.xScale().toPixel(spans.startS()[i] - set.originS()), x1 = area.xScale().toPixel(spans.endS()[i] - set.originS());
            g.fillRect(x0, area.y(), Math.max(1, x1 - x0), 4);
        }
    }

    /**
     * The readout at x, in two lines so it stays within a lane: the bin's time span and what is drawn,
     * then the figures behind them; null outside the grid.
     */
    public String readout(double x) {
        int b = set.binAt(x);
        if (b < 0) return null;
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s–%s s", PlainNumbers.rounded(set.bins().from(b) - set.originS(), 2),
                PlainNumbers.rounded(set.bins().to(b) - set.originS(), 2)));
        for (Series s : lane.series()) sb.append(" · ").append(s.name()).append(": ").append(value(s.shown(b), s.unit()));
        String sep = "\n";
        for (Fact f : lane.facts()) {
            sb.append(sep).append(f.name()).append(": ").append(value(f.shown(b), f.unit()));
            sep = " · ";
        }
        return sb.toString();
    }

    public static String value(double v, String unit) {
        if (Double.isNaN(v)) return "no data";
        String n = Math.abs(v) >= 100 ? PlainNumbers.rounded(v, 0) : Math.abs(v) >= 1 ? PlainNumbers.rounded(v, 2) : PlainNumbers.rounded(v, 4);
        return unit.isEmpty() ? n : n + " " + unit;
    }
}
