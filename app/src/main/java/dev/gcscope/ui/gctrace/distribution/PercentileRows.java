package dev.gcscope.ui.gctrace.distribution;

import dev.gcscope.analysis.CycleRangeAnalysis;
import dev.gcscope.analysis.regime.Regime;
import dev.gcscope.analysis.stats.PauseStatistics;
import dev.gcscope.analysis.stats.QuantileBootstrap;
import dev.gcscope.analysis.stats.QuantileBootstrap.Estimate;
import dev.gcscope.export.table.TextTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rows of the percentile table for one selection, as text ready to show or copy: pause
 * percentiles with their bootstrap intervals, the maximum and the tail ratio, then each regime's
 * pauses in the selection. Plain Java, so it is tested without a toolkit.
 */
public final class PercentileRows {
    public static final List<String> PAUSE_HEADERS = List.of("statistic", "value (ms)", "95% CI low (ms)", "95% CI high (ms)");
    public static final List<String> REGIME_HEADERS =
            List.of("regime", "labels", "cycles", "P50 (ms)", "P99 (ms)", "max (ms)", "description");
    private static final String MISSING = "—";

    private PercentileRows() {}

    /** Statistic, value, CI low, CI high; all pause figures in ms. */
    public static List<List<String>> pauses(CycleRangeAnalysis stats) {
        List<List<String>> rows = new ArrayList<>();
        if (stats == null) return rows;
        PauseStatistics p = stats.pauses();
        rows.add(estimate("P50", p.p50()));
        rows.add(estimate("P90", p.p90()));
        rows.add(estimate("P99", p.p99()));
        rows.add(estimate("P99.9", p.p999()));
        rows.add(List.of("max", ms(p.max()), MISSING, MISSING));
        rows.add(List.of("tail ratio P99/P50", Double.isNaN(p.tailRatio()) ? MISSING : String.format(Locale.ROOT, "%.2f×", p.tailRatio()),
                MISSING, MISSING));
        return rows;
    }

    /** One row per regime with cycles in the selection; labels and descriptions from the whole trace. */
    public static List<List<String>> regimes(CycleRangeAnalysis stats, List<Regime> regimes) {
        List<List<String>> rows = new ArrayList<>();
        if (stats == null) return rows;
        for (CycleRangeAnalysis.RegimePauses r : stats.regimes()) {
            Regime whole = r.regime() < regimes.size() ? regimes.get(r.regime()) : null;
            rows.add(List.of(Integer.toString(r.regime()), whole == null ? MISSING : whole.label(),
                    String.format(Locale.ROOT, "%,d", r.cycles()), ms(r.p50Ms()), ms(r.p99Ms()), ms(r.maxMs()),
                    whole == null ? MISSING : whole.description()));
        }
        return rows;
    }

    /** How the intervals were computed, for the caption. */
    public static String caption(CycleRangeAnalysis stats) {
        int n = stats == null ? 0 : stats.pauses().count();
        return String.format(Locale.ROOT, "%,d pauses. %d%% intervals: percentile bootstrap, %,d resamples"
                + " (order statistics resampled exactly), fixed seed %d; percentiles R-7 (numpy's default).",
                n, Math.round(QuantileBootstrap.CONFIDENCE * 100), QuantileBootstrap.RESAMPLES, QuantileBootstrap.SEED);
    }

    /** Tab-separated values with a header line, one line per row: what Ctrl+C puts on the clipboard. */
    public static String tsv(List<String> headers, List<List<String>> rows) {
        return new TextTable(headers, rows).tsv();
    }

    /**
     * A figure cell as a CSV file holds it: {@code 1234} for {@code 1,234}, {@code 2.31} for the tail
     * ratio's {@code 2.31×}, empty for none ({@code —}); the unit is in the column's name.
     */
    public static String plain(String cell) {
        if (cell.equals(MISSING)) return "";
        return cell.replace(",", "").replace("×", "");
    }

    private static List<String> estimate(String name, Estimate e) {
        return List.of(name, ms(e.value()), ms(e.low()), ms(e.high()));
    }

    static String ms(double v) {
        return Double.isNaN(v) ? MISSING : String.format(Locale.ROOT, "%.3f", v);
    }
}
