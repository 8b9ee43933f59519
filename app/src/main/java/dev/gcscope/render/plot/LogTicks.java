package dev.gcscope.render.plot;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Ticks of a logarithmic axis. The axis runs in log10 units (a chart maps {@code log10(value)}), the
 * labels show the values: decades (0.1, 1, 10, 1k) when the range spans enough of them, else 1-2-5
 * or 1…9 within each decade, and plain linear nice ticks when the range is too narrow for any of
 * those (a handful of equal pauses).
 *
 * @param positions log10 of each tick's value, ascending
 * @param labels each tick's value, compactly ({@code 0.05}, {@code 20}, {@code 5k})
 */
public record LogTicks(double[] positions, String[] labels) implements AxisTicks {
    private static final int[][] MANTISSAS = {{1}, {1, 2, 5}, {1, 2, 3, 4, 5, 6, 7, 8, 9}};
    /** A set of ticks is enough when at least this many fall inside the range. */
    private static final int ENOUGH = 4;

    /**
     * @param log10Min axis minimum, log10 of the smallest value shown
     * @param log10Max axis maximum
     * @param maxTicks about how many ticks there is room for (at least 2)
     */
    public static LogTicks covering(double log10Min, double log10Max, int maxTicks) {
        if (!Double.isFinite(log10Min) || !Double.isFinite(log10Max)) {
            throw new IllegalArgumentException("range " + log10Min + ".." + log10Max);
        }
        double lo = Math.min(log10Min, log10Max), hi = Math.max(log10Min, log10Max);
        int room = Math.max(2, maxTicks);
        int firstDecade = (int) Math.floor(lo + 1e-9), lastDecade = (int) Math.ceil(hi - 1e-9);
        int decades = lastDecade - firstDecade;
        if (decades + 1 > room) {
            int every = (int) Math.ceil((decades + 1) / (double) room);
            List<Double> values = new ArrayList<>();
            for (int d = ceilTo(firstDecade, every); d <= lastDecade; d += every) {
                if (d >= lo - 1e-9 && d <= hi + 1e-9) values.add(Math.pow(10, d));
            }
            return of(values);
        }
        List<Double> best = null;
        for (int[] mantissas : MANTISSAS) {
            List<Double> values = new ArrayList<>();
            for (int d = firstDecade; d <= lastDecade; d++) {
                for (int m : mantissas) {
                    double v = m * Math.pow(10, d);
                    double p = Math.log10(v);
                    if (p >= lo - 1e-9 && p <= hi + 1e-9) values.add(v);
                }
            }
            if (values.size() > room) break;
            best = values;
            if (values.size() >= ENOUGH) break;
        }
        if (best != null && best.size() >= 2) return of(best);
        // Too narrow for a log pattern: linear nice ticks of the values, placed at their logs.
        NiceTicks linear = NiceTicks.covering(Math.pow(10, lo), Math.pow(10, hi), room);
        List<Double> positions = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < linear.count(); i++) {
            double v = linear.at(i);
            if (v <= 0) continue;
            double p = Math.log10(v);
            if (p < lo - 1e-9 || p > hi + 1e-9) continue;
            positions.add(p);
            labels.add(linear.label(i));
        }
        return new LogTicks(positions.stream().mapToDouble(Double::doubleValue).toArray(), labels.toArray(String[]::new));
    }

    private static int ceilTo(int value, int multiple) {
        return Math.floorDiv(value + multiple - 1, multiple) * multiple;
    }

    private static LogTicks of(List<Double> values) {
        double[] positions = new double[values.size()];
        String[] labels = new String[values.size()];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = Math.log10(values.get(i));
            labels[i] = compact(values.get(i));
        }
        return new LogTicks(positions, labels);
    }

    /** A tick value in a few characters: {@code 0.005}, {@code 2}, {@code 500}, {@code 20k}, {@code 1M}. */
    public static String compact(double v) {
        if (v >= 1e6) return plain(v / 1e6) + "M";
        if (v >= 1e3) return plain(v / 1e3) + "k";
        return plain(v);
    }

    private static String plain(double v) {
        return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    @Override
    public int count() {
        return positions.length;
    }

    @Override
    public double at(int i) {
        return positions[i];
    }

    @Override
    public String label(int i) {
        return labels[i];
    }
}
