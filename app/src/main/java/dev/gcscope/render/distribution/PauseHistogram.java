package dev.gcscope.render.distribution;

import dev.gcscope.analysis.CycleRangeAnalysis;
import dev.gcscope.analysis.stats.LogHistogram;
import dev.gcscope.analysis.stats.PauseFits;
import dev.gcscope.analysis.stats.PauseStatistics;
import java.util.ArrayList;
import java.util.List;

/**
 * What the STW histogram draws for one selection: the log-spaced bins, each fitted model as the
 * count it expects per bin, and the percentile markers. Built from a {@link CycleRangeAnalysis} in
 * O(bins·log n), so it can follow every new selection on the UI thread.
 *
 * @param fits in the analysis's order (best first)
 * @param markers P50, P90, P99, P99.9 (those that exist)
 */
public record PauseHistogram(LogHistogram bins, List<FitCurve> fits, List<Marker> markers) {
    /** A fitted model as expected counts per bin; {@code accepted} when its KS test does not reject it and it fits best. */
    public record FitCurve(String model, String parameters, double ksP, double[] expected, boolean accepted) {}

    public record Marker(String label, double ms) {}

    public static final PauseHistogram EMPTY =
            new PauseHistogram(new LogHistogram(new double[0], new long[0], 0), List.of(), List.of());

    public static PauseHistogram of(CycleRangeAnalysis stats) {
        if (stats == null) return EMPTY;
        LogHistogram bins = LogHistogram.of(stats.stwSorted());
        if (bins.bins() == 0) return new PauseHistogram(bins, List.of(), List.of());
        List<FitCurve> fits = new ArrayList<>();
        List<PauseFits.Fit> all = stats.fits().fits();
        long positives = bins.total();
        for (int i = 0; i < all.size(); i++) {
            PauseFits.Fit f = all.get(i);
            fits.add(new FitCurve(f.model(), f.parameters(), f.ksP(), bins.expected(f.distribution(), positives),
                    i == 0 && f.consistent()));
        }
        PauseStatistics p = stats.pauses();
        List<Marker> markers = new ArrayList<>();
        addMarker(markers, "P50", p.p50().value());
        addMarker(markers, "P90", p.p90().value());
        addMarker(markers, "P99", p.p99().value());
        addMarker(markers, "P99.9", p.p999().value());
        return new PauseHistogram(bins, List.copyOf(fits), List.copyOf(markers));
    }

    private static void addMarker(List<Marker> markers, String label, double ms) {
        if (ms > 0 && Double.isFinite(ms)) markers.add(new Marker(label, ms));
    }

    public boolean isEmpty() {
        return bins.bins() == 0;
    }

    /** The largest bar or expected count: the top of the count axis. */
    public double maxCount() {
        double m = bins.maxCount();
        for (FitCurve f : fits) for (double e : f.expected()) m = Math.max(m, e);
        return m;
    }
}
