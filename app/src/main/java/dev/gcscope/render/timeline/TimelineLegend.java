package dev.gcscope.render.timeline;

import dev.gcscope.render.ChartFont;
import dev.gcscope.render.Rgba;
import dev.gcscope.render.plot.ChartDrawing;
import dev.gcscope.render.plot.LegendEntry;
import dev.gcscope.render.plot.LegendedChart;
import java.util.ArrayList;
import java.util.List;

/**
 * The legend of a timeline in a picture (an exported chart, a report's figure), in the colours the
 * plot was given: what the window's timeline header says, without its controls. A pause timeline
 * coloured by regime lists the regimes, cycles in no regime and forced cycles, or, drawn dense, its
 * quantile bands; stacked parts list their colours; lines their colours and dashes.
 */
public final class TimelineLegend {
    private TimelineLegend() {}

    /**
     * The entries of {@code plot}, which has been given its colours ({@link TimelinePlot#view}).
     *
     * @param dense as drawn with more cycles than pixel columns
     */
    public static List<LegendEntry> of(TimelinePlot plot, boolean dense) {
        TimelineColours c = plot.colours();
        List<LegendEntry> out = new ArrayList<>();
        if (plot.byRegime()) {
            boolean forced = plot.marksForced() && anyForced(plot);
            if (dense && plot.drawsDensityBands()) {
                Rgba band = c.selectionStroke();
                out.add(LegendEntry.line("median", band, false));
                String[] names = {"≤ max", "≤ P99", "≤ P90"};
                // listed from the inner band out, as they read from the baseline up
                for (int k = QuantileBands.QUANTILES.length - 1; k >= 0; k--) {
                    out.add(new LegendEntry(names[k], LegendEntry.Mark.BOX, band, QuantileBands.shownOpacity(k), false));
                }
                if (forced) out.add(new LegendEntry("forced", LegendEntry.Mark.TICK, c.forcedStroke(), 1, false));
                return out;
            }
            for (int r = 0; r < plot.cycles().regimeCount(); r++) out.add(LegendEntry.box("regime " + r, c.regimeColour(r)));
            if (anyUnassigned(plot.cycles())) out.add(LegendEntry.box("no regime", c.regimeColour(-1)));
            if (forced) out.add(new LegendEntry("forced", LegendEntry.Mark.DIAMOND, c.forcedStroke(), 1, false));
            return out;
        }
        boolean stacked = plot.total() != null;
        for (TimelineSeries s : plot.series()) {
            Rgba colour = c.paletteColour(s.colour());
            out.add(stacked ? LegendEntry.box(s.label() + " (" + s.unit() + ")", colour) : LegendEntry.line(s.label(), colour, s.dashed()));
        }
        return out;
    }

    /**
     * {@code chart} (drawing {@code plots}, top to bottom) under their legend; {@code chart} itself
     * when the legend would name a single series, which its axis title names already.
     *
     * @param left where the legend starts (the chart's padding)
     */
    public static ChartDrawing over(ChartDrawing chart, List<TimelinePlot> plots, ChartFont font, Rgba textFill, double left) {
        LegendedChart.Entries entries = new LegendedChart.Entries() {
            @Override
            public List<List<LegendEntry>> candidates() {
                return List.of(entries(plots, false), entries(plots, true));
            }

            @Override
            public List<LegendEntry> afterDrawing() {
                return entries(plots, plots.get(0).dense());
            }
        };
        if (entries.candidates().stream().allMatch(l -> l.size() < 2)) return chart;
        return new LegendedChart(chart, entries, font, textFill, left);
    }

    private static List<LegendEntry> entries(List<TimelinePlot> plots, boolean dense) {
        List<LegendEntry> all = new ArrayList<>();
        for (TimelinePlot p : plots) all.addAll(of(p, dense));
        return all;
    }

    private static boolean anyForced(TimelinePlot plot) {
        for (boolean f : plot.cycles().layout().forced()) if (f) return true;
        return false;
    }

    private static boolean anyUnassigned(TimelineCycles cycles) {
        for (int r : cycles.regimeOfRow()) if (r < 0) return true;
        return false;
    }
}
