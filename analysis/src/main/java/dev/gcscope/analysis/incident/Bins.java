package dev.gcscope.analysis.incident;

import java.util.Arrays;

/** The incident's time grid: {@code count} bins of {@code widthS} from {@code startS}, on the incident's clock. */
public record Bins(double startS, double widthS, int count) {
    public double from(int bin) {
        return startS + bin * widthS;
    }

    public double to(int bin) {
        return startS + (bin + 1) * widthS;
    }

    public double endS() {
        return to(count - 1);
    }

    /** The bin holding {@code t}, or -1 outside the grid. */
    public int of(double t) {
        if (!(t >= startS)) return -1;
        int b = (int) ((t - startS) / widthS);
        return b < count ? b : -1;
    }

    double[] nan() {
        double[] a = new double[count];
        Arrays.fill(a, Double.NaN);
        return a;
    }

    /** Calls {@code each} with every bin {@link #spread} would give part of {@code [from, to)}. */
    void covered(double from, double to, java.util.function.IntConsumer each) {
        if (Double.isNaN(from) || Double.isNaN(to)) return;
        if (!(to > from)) {
            int b = of(from);
            if (b >= 0) each.accept(b);
            return;
        }
        int first = Math.max(0, (int) Math.floor((from - startS) / widthS));
        int last = Math.min(count - 1, (int) Math.floor((to - startS) / widthS));
        for (int b = first; b <= last; b++) if (Math.min(to, to(b)) - Math.max(from, from(b)) > 0) each.accept(b);
    }

    /** Adds {@code amount}, spread evenly over {@code [from, to)}, to the bins it overlaps; all of it to one bin when from == to. */
    void spread(double[] bins, double from, double to, double amount) {
        if (Double.isNaN(amount) || Double.isNaN(from) || Double.isNaN(to)) return;
        if (!(to > from)) {
            int b = of(from);
            if (b >= 0) bins[b] = (Double.isNaN(bins[b]) ? 0 : bins[b]) + amount;
            return;
        }
        int first = Math.max(0, (int) Math.floor((from - startS) / widthS));
        int last = Math.min(count - 1, (int) Math.floor((to - startS) / widthS));
        for (int b = first; b <= last; b++) {
            double overlap = Math.min(to, to(b)) - Math.max(from, from(b));
            if (overlap <= 0) continue;
            bins[b] = (Double.isNaN(bins[b]) ? 0 : bins[b]) + amount * overlap / (to - from);
        }
    }
}
