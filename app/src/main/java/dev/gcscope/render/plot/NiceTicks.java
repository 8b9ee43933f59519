package dev.gcscope.render.plot;

import java.util.Locale;

/**
 * Axis ticks at "nice" steps (1, 2 or 5 times a power of ten) covering a data range, so labels read
 * 0, 2, 4, 6 rather than 0, 1.73, 3.46 (Heckbert, "Nice numbers for graph labels", Graphics Gems).
 *
 * @param first the first tick, at or below the range's minimum
 * @param step distance between ticks, always 1, 2 or 5 times a power of ten
 * @param count number of ticks; the last one is at or above the range's maximum
 */
public record NiceTicks(double first, double step, int count) implements AxisTicks {

    /**
     * @param min smallest value to cover
     * @param max largest value to cover; when equal to {@code min} the range is widened by one unit
     * @param maxTicks about how many ticks there is room for (at least 2)
     */
    public static NiceTicks covering(double min, double max, int maxTicks) {
        if (!Double.isFinite(min) || !Double.isFinite(max)) throw new IllegalArgumentException("range " + min + ".." + max);
        if (max < min) {
            double t = min;
            min = max;
            max = t;
        }
        if (max == min) {
            double pad = min == 0 ? 1 : Math.abs(min) * 0.1;
            max = min + pad;
        }
        int intervals = Math.max(1, maxTicks - 1);
        double step = niceStep((max - min) / intervals);
        double first = Math.floor(min / step) * step;
        double last = Math.ceil(max / step) * step;
        int count = (int) Math.round((last - first) / step) + 1;
        return new NiceTicks(first, step, count);
    }

    /** The smallest of 1, 2, 5 (times a power of ten) at or above {@code rough}. */
    static double niceStep(double rough) {
        double exponent = Math.floor(Math.log10(rough));
        double power = Math.pow(10, exponent);
        double fraction = rough / power;
        double nice;
        if (fraction <= 1.0 + 1e-9) nice = 1;
        else if (fraction <= 2.0 + 1e-9) nice = 2;
        else if (fraction <= 5.0 + 1e-9) nice = 5;
        else nice = 10;
        return nice * power;
    }

    @Override
    public double at(int i) {
        // Multiply rather than accumulate, so tick 40 is not 39.99999999.
        return first + i * step;
    }

    public double last() {
        return at(count - 1);
    }

    /** Decimals that show every tick exactly: 0 for a step of 5, 2 for a step of 0.05. */
    public int decimals() {
        return Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
    }

    /** Tick {@code i} as its label, e.g. {@code "0.25"}; never {@code "-0"}. */
    @Override
    public String label(int i) {
        double v = at(i);
        if (Math.abs(v) < step * 1e-9) v = 0;
        return String.format(Locale.ROOT, "%." + decimals() + "f", v);
    }
}
