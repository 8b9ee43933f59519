package dev.gcscope.render.timeline;

/**
 * One plotted figure per cycle.
 *
 * @param label the legend's and readout's name, e.g. {@code "live heap"}
 * @param unit e.g. {@code "MB"}
 * @param values per row of the document, NaN where the cycle did not say
 * @param colour index into the chart's {@code -chart-series-palette}
 * @param dashed drawn dashed (a target such as the heap goal rather than a measurement)
 */
public record TimelineSeries(String label, String unit, double[] values, int colour, boolean dashed) {
    public TimelineSeries(String label, String unit, double[] values, int colour) {
        this(label, unit, values, colour, false);
    }
}
