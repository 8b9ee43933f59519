package dev.gcscope.ui.gctrace.distribution;

import dev.gcscope.analysis.CycleRangeAnalysis;
import dev.gcscope.analysis.regime.Regime;
import dev.gcscope.analysis.stats.PauseStatistics;
import dev.gcscope.analysis.stats.PercentileInterval;
import dev.gcscope.analysis.stats.PercentileInterval.Estimate;
import dev.gcscope.ui.summary.Formats;
import dev.gcscope.export.table.TextTable;
import dev.gcscope.format.PlainNumbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rows of the percentile table for one selection, as text ready to show or copy: pause
 * percentiles with their order-statistic intervals ("&gt; max" where the pauses are too few for an
 * upper bound), the maximum and the tail ratio, then each regime's pauses in the selection. Plain Java, so it is tested without a toolkit.
 */
public final class PercentileRows {
    public static final List<String> PAUSE_HEADERS = List.of("statistic", "value (ms)", "95% CI low (ms)", "95% CI high (ms)");
    public static final List<String> REGIME_HEADERS =
            List.of("regime", "labels", "cycles", "P50 (ms)", "P99 (ms)", "max (ms)", "P99 95% CI (ms)", "description");
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
                    r.p99().hasInterval() ? Formats.interval(r.p99()) : MISSING, whole == null ? MISSING : whole.description()));
        }
        return rows;
    }

    /** How the intervals were computed, and which need more pauses, for the caption. */
    public static String caption(CycleRangeAnalysis stats) {
        int n = stats == null ? 0 : stats.pauses().count();
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%,d pauses. %d%% intervals from order statistics,"
                + " widened as much as neighbouring pauses are alike (how much more the count below each percentile varies"
                + " over ten stretches of the pauses than if they were independent%s): about %d%% coverage from 1,000"
                + " pauses on, less below",
                n, Math.round(PercentileInterval.CONFIDENCE * 100), stats == null ? "" : inflations(stats.pauses()),
                Math.round(PercentileInterval.CONFIDENCE * 100)));
        if (stats != null) {
            PauseStatistics p = stats.pauses();
            String[] names = {"P50", "P90", "P99", "P99.9"};
            Estimate[] all = {p.p50(), p.p90(), p.p99(), p.p999()};
            List<String> open = new ArrayList<>();
            for (int i = 0; i < all.length; i++) {
                if (all[i].cyclesForBounds() > 0 && n > 0) open.add(String.format(Locale.ROOT, "%s %,d", names[i], all[i].cyclesForBounds()));
            }
            if (!open.isEmpty()) b.append("; an end the pauses are too few for is open, \"> max\" (both ends need ")
                    .append(String.join(", ", open)).append(" pauses)");
        }
        return b.append(". Percentiles R-7 (numpy's default).").toString();
    }

    /** "; here ×12.3 for P50, ×4.3 for P90, ×3.0 for P99", the inflations that were estimated. */
    private static String inflations(PauseStatistics p) {
        String[] names = {"P50", "P90", "P99"};
        Estimate[] all = {p.p50(), p.p90(), p.p99()};
        List<String> known = new ArrayList<>();
        for (int i = 0; i < all.length; i++) {
            if (!Double.isNaN(all[i].inflation())) {
                known.add(String.format(Locale.ROOT, "×%s for %s", PlainNumbers.rounded(all[i].inflation(), 1), names[i]));
            }
        }
        return known.isEmpty() ? "" : "; here " + String.join(", ", known);
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
        if (!e.hasInterval()) return List.of(name, ms(e.value()), MISSING, MISSING);
        return List.of(name, ms(e.value()), e.hasLow() ? ms(e.low()) : "< min", e.hasHigh() ? ms(e.high()) : "> max");
    }

    static String ms(double v) {
        return Double.isNaN(v) ? MISSING : String.format(Locale.ROOT, "%.3f", v);
    }
}
