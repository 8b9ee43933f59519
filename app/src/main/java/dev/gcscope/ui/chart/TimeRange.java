package dev.gcscope.ui.gctrace;

/**
 * An interval on a trace's x axis, in the units of {@link dev.gcscope.ui.chart.StwSeries#x()}
 * (seconds on the laid-out time axis, or cycle positions when the trace has no times).
 * {@code from <= to} always.
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
