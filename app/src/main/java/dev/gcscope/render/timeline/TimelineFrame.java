package dev.gcscope.render.timeline;

import dev.gcscope.render.ChartFont;
import dev.gcscope.render.plot.PlotArea;
import dev.gcscope.render.plot.TimeRange;

/**
 * What one drawing of a timeline shows, all a layer needs.
 *
 * @param area the plot and its scales
 * @param from the first row in view
 * @param to past the last row in view
 * @param selection the selected time range, null for none
 * @param highlightedRegime the regime whose cycles are emphasised, −1 for none
 * @param labelFont the font of the run separators' labels
 */
record TimelineFrame(PlotArea area, int from, int to, TimeRange selection, int highlightedRegime, TimelineColours colours,
                     ChartFont labelFont) {
    /** The plot's pixel columns, as a reduction counts them. */
    int columns() {
        return (int) Math.ceil(area.width());
    }

    /** Width of a row's bar or mark: about the space one cycle has, between 1 and 14 pixels. */
    double barWidth() {
        int n = Math.max(1, to - from);
        return Math.max(1, Math.min(14, area.width() / n * 0.7));
    }
}
