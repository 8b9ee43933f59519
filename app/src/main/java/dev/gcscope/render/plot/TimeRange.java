package dev.gcscope.render.plot;

/**
 * An interval on a chart's x axis, in the axis's units: seconds on a recording's time axis, or
 * positions when a trace has no times (see {@link StwSeries#x()}). {@code from <= to} always. It
 * belongs to the charts, which select and zoom ranges, not to any one format's views.
 */
public record TimeRange(double from, double to) {
    public TimeRange {
        if (Double.isNaN(from) || Double.isNaN(to)) throw new IllegalArgumentException("NaN bound");
        if (from > to) {
            double t = from;
            from = to;
            to = t;
        }
    }

    public double length() {
        return to - from;
    }

    public boolean contains(double x) {
        return x >= from && x <= to;
    }
}
