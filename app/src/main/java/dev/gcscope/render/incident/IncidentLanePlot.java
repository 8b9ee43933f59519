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
 * @param selected the range whose figures are read (seconds from the set's origin), outlined on every lane; null for none
 */
public record IncidentLanePlot(IncidentLaneSet set, IncidentLane lane, TimeRange viewport, String xTitle, boolean labelCauses,
                               Colours colours, TimeRange selected) implements PlotContent {

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
        if (selected != null) selection(g, area);
        if (labelCauses) causes(g, area);
        title(g, area);
    }

    /** The selected range: a light wash with its two edges drawn, over the bands so it reads on a delayed interval too. */
    private void selection(Painter g, PlotArea area) {
        double x0 = Math.max(area.x(), area.xScale().toPixel(selected.from())), x1 = Math.min(area.right(), area.xScale().toPixel(selected.to()));
        if (x1 < area.x() || x0 > area.right()) return;
        g.setFill(colours.text().times(0.08));
        g.fillRect(x0, area.y(), Math.max(1, x1 - x0), area.height());
        g.setStroke(colours.text().times(0.6));
        g.setLineDashes(4, 3);
        g.strokeLine(x0, area.y(), x0, area.bottom());
        g.strokeLine(x1, area.y(), x1, area.bottom());
        g.setLineDashes();
    }

    /**
     * Each interval's leading cause along its band's bottom, over the data. A band too narrow for the cause id (a 1 s
     * interval over a whole recording at 1024 px is ~25 px) gets its short name ({@link #shortCause}), written
     * upwards if need be, and one narrower than a line its initial. Each label stays within its band, so neighbours
     * never overlap; the readout and the intervals table always have the whole list.
     */
    private void causes(Painter g, PlotArea area) {
        double h = g.lineHeight();
        for (Diagnosis.Interval i : set.intervals()) {
            double x0 = Math.max(area.x(), area.xScale().toPixel(i.fromS() - set.originS()));
            double x1 = Math.min(area.right(), area.xScale().toPixel(i.toS() - set.originS()));
            if (x1 <= x0) continue;
            String full = i.leading(), brief = shortCause(full);
            double room = x1 - x0;
            if (fits(g, full, room)) {
                label(g, full, x0 + 1, area.bottom() - 2 - h, g.textWidth(full), h);
            } else if (fits(g, brief, room)) {
                label(g, brief, x0 + 1, area.bottom() - 2 - h, g.textWidth(brief), h);
            } else if (h + 2 <= room && (fits(g, full, area.height()) || fits(g, brief, area.height()))) {
                // upwards from the band's bottom, centred in its width
                String text = fits(g, full, area.height()) ? full : brief;
                g.save();
                g.translate((x0 + x1) / 2 - h / 2, area.bottom() - 2);
                g.rotate(-90);
                label(g, text, 0, 0, g.textWidth(text), h);
                g.restore();
            } else {
                String initial = brief.substring(0, 1);
                double iw = g.textWidth(initial);
                if (iw + 2 <= room) label(g, initial, (x0 + x1) / 2 - iw / 2 - 2, area.bottom() - 2 - h, iw, h);
            }
        }
    }

    private static boolean fits(Painter g, String text, double room) {
        return g.textWidth(text) + 6 <= room;
    }

    /** A cause id in a word, for a band too narrow for the id. */
    static String shortCause(String cause) {
        return switch (cause) {
            case Diagnosis.CPU_QUOTA -> "quota";
            case Diagnosis.GOROUTINE_SURGE -> "surge";
            case Diagnosis.RUNNABLE_PRESSURE -> "pressure";
            default -> cause;
        };
    }

    /** Text on the plot's own background, its box's top left at x, y. */
    private void label(Painter g, String text, double x, double y, double w, double h) {
        g.setFill(colours.titleBackground());
        g.fillRect(x, y, w + 4, h);
        g.setFill(colours.text());
        g.setTextAlign(TextAlign.LEFT);
        g.setTextBaseline(TextBaseline.BOTTOM);
        g.fillText(text, x + 2, y + h);
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
        java.util.List<double[]> atLeast = new java.util.ArrayList<>();
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
            if (s.isAtLeast(b)) atLeast.add(new double[] {px, py});
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
        // a value that is only a lower bound (above the histogram's highest bucket): a caret pointing up from it
        g.setFill(colours.of(s.tone()));
        for (double[] p : atLeast) g.fillPolygon(new double[] {p[0] - 4, p[0] + 4, p[0]}, new double[] {p[1] - 2, p[1] - 2, p[1] - 9}, 3);
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
        for (Series s : lane.series()) {
            sb.append(" · ").append(s.name()).append(": ").append(s.isAtLeast(b) ? "≥ " : "").append(value(s.shown(b), s.unit()));
        }
        String sep = "\n";
        for (Fact f : lane.facts()) {
            sb.append(sep).append(f.name()).append(": ").append(value(f.shown(b), f.unit()));
            sep = " · ";
        }
        String note = lane.note(b);
        if (note != null) sb.append("\n").append(note);
        return sb.toString();
    }

    public static String value(double v, String unit) {
        if (Double.isNaN(v)) return "no data";
        String n = Math.abs(v) >= 100 ? PlainNumbers.rounded(v, 0) : Math.abs(v) >= 1 ? PlainNumbers.rounded(v, 2) : PlainNumbers.rounded(v, 4);
        return unit.isEmpty() ? n : n + " " + unit;
    }
}
