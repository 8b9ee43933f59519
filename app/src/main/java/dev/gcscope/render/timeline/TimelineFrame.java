package dev.gcscope.render.timeline;

import dev.gcscope.render.ChartFont;
import dev.gcscope.render.plot.PlotArea;
import dev.gcscope.render.plot.TimeRange;

/**
 * What one drawing of a timeline shows, all a layer needs.
 *
 * @param area the plot and its scales (on a log y axis the y scale maps log10 of the value)
 * @param from the first row in view
 * @param to past the last row in view
 * @param selection the selected time range, null for none
 * @param highlightedRegime the regime whose cycles are emphasised, −1 for none
 * @param labelFont the font of the run separators' labels
 * @param logY whether the y axis is logarithmic
 * @param dense whether the rows in view are more than a few per pixel column, so that layers draw
 *              their density (quantile bands, thinned markers, a mean line) instead of each cycle
 */
record TimelineFrame(PlotArea area, int from, int to, TimeRange selection, int highlightedRegime, TimelineColours colours,
                     ChartFont labelFont, boolean logY, boolean dense) {
    /** The plot's pixel columns, as a reduction counts them. */
    int columns() {
        return (int) Math.ceil(area.width());
    }

    /** Width of a row's bar or mark: about the space one cycle has, between 1 and 14 pixels. */
    double barWidth() {
        int n = Math.max(1, to - from);
        return Math.max(1, Math.min(14, area.width() / n * 0.7));
    }

    /** The pixel row of value {@code v}; on a log axis a value of 0 or less lies on the bottom edge. */
    double y(double v) {
        if (logY) return v > 0 ? area.yScale().toPixel(Math.log10(v)) : area.bottom();
        return area.yScale().toPixel(v);
    }

    /** Where bars stand: the pixel row of 0, the bottom edge on a log axis. */
    double baseline() {
        return logY ? area.bottom() : area.yScale().toPixel(0);
    }
}
