package dev.gcscope.ui.gctrace.distribution;

import dev.gcscope.render.distribution.PauseHistogram;
import dev.gcscope.render.distribution.RegimePauseCounts;
import dev.gcscope.analysis.CycleRangeAnalysis;
import dev.gcscope.analysis.stats.PauseFits;
import dev.gcscope.parsers.gctrace.GcColumns;
import dev.gcscope.ui.gctrace.GcTraceModel;
import dev.gcscope.ui.task.LatestTask;
import dev.gcscope.ui.task.TaskListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import tech.tablesaw.api.DoubleColumn;

/**
 * What the STW histogram tab shows, following the document's statistics and highlighted regime:
 * the histogram with its fitted models, the legend (each model's KS p-value, the accepted one
 * marked), the verdict with its caveats, and the highlighted regime's pauses of the selection
 * counted into the same bins — here when the selection is small, in the background when it is
 * large (a newer selection or highlight cancels the count and drops its result).
 */
public final class StwHistogramViewModel {
    /** Above this many cycles in the selection, the regime's pauses are counted in the background. */
    static final int SYNCHRONOUS_ROWS = 50_000;

    /** A legend entry: the pauses' bars, or one fitted model's curve ({@code model} null for the bars). */
    public record LegendEntry(String text, String model, boolean accepted, String tooltip) {}

    private final GcTraceModel model;
    private final LatestTask counting;
    private final ReadOnlyObjectWrapper<PauseHistogram> histogram = new ReadOnlyObjectWrapper<>(this, "histogram", PauseHistogram.EMPTY);
    private final ReadOnlyObjectWrapper<List<LegendEntry>> legend = new ReadOnlyObjectWrapper<>(this, "legend", List.of());
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper(this, "verdict", "");
    private final ReadOnlyObjectWrapper<RegimePauseCounts> overlay = new ReadOnlyObjectWrapper<>(this, "overlay");
    private final ReadOnlyStringWrapper overlayLegend = new ReadOnlyStringWrapper(this, "overlayLegend", "");

    public StwHistogramViewModel(GcTraceModel model) {
        this.model = model;
        this.counting = new LatestTask(model.runner());
        model.statisticsProperty().addListener((obs, old, now) -> show(now));
        model.highlightedRegimeProperty().addListener((obs, old, now) -> countRegime());
        show(model.statisticsProperty().get());
    }

    private void show(CycleRangeAnalysis stats) {
        PauseHistogram h = PauseHistogram.of(stats);
        // the old overlay goes before the new bins arrive: its counts are of the old ones
        counting.cancel();
        showOverlay(null);
        histogram.set(h);
        if (h.isEmpty()) {
            legend.set(List.of());
            verdict.set("");
            countRegime();
            return;
        }
        List<LegendEntry> entries = new ArrayList<>();
        entries.add(new LegendEntry(String.format(Locale.ROOT, "pauses (%,d)", h.bins().total()), null, false, null));
        for (PauseHistogram.FitCurve f : h.fits()) {
            entries.add(new LegendEntry(String.format(Locale.ROOT, "%s (KS p %s)", f.model(), p(f.ksP())), f.model(),
                    f.accepted(), f.parameters()));
        }
        legend.set(List.copyOf(entries));
        StringBuilder text = new StringBuilder(stats.fits().verdict()).append('.');
        if (!h.fits().isEmpty()) {
            text.append(String.format(Locale.ROOT, " KS on at most %,d pauses, parameters fitted to the same data"
                    + " (so p is optimistic); Go prints whole microseconds.", PauseFits.KS_SAMPLE));
        }
        if (h.bins().zeroCount() > 0) {
            text.append(String.format(Locale.ROOT, " %,d pauses of 0 ms are not on the log axis.", h.bins().zeroCount()));
        }
        verdict.set(text.toString());
        countRegime();
    }

    private void countRegime() {
        counting.cancel();
        showOverlay(null);
        int regime = model.highlightedRegimeProperty().get();
        CycleRangeAnalysis stats = model.statisticsProperty().get();
        PauseHistogram h = histogram.get();
        if (regime < 0 || stats == null || h.isEmpty()) return;
        DoubleColumn stw = model.data().cycles().doubleColumn(GcColumns.STW_MS);
        int[] regimeOfRow = model.data().regimeOfRow();
        if (stats.cycles() <= SYNCHRONOUS_ROWS) {
            showOverlay(RegimePauseCounts.of(stw, regimeOfRow, stats.fromRow(), stats.toRow(), regime, h.bins(), () -> false));
            return;
        }
        counting.submit("pauses of regime " + regime + " in " + stats.cycles() + " cycles",
                ctx -> RegimePauseCounts.of(stw, regimeOfRow, stats.fromRow(), stats.toRow(), regime, h.bins(), ctx::isCancelled),
                new TaskListener<>() {
                    @Override
                    public void succeeded(RegimePauseCounts value) {
                        showOverlay(value);
                    }

                    @Override
                    public void failed(Throwable e) {
                        // the overlay is an emphasis: without it the histogram is still right
                    }
                });
    }

    private void showOverlay(RegimePauseCounts o) {
        overlay.set(o);
        overlayLegend.set(o == null ? "" : String.format(Locale.ROOT, "regime %d (%,d)", o.regime(), o.total()));
    }

    static String p(double p) {
        return p < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "= %.3f", p);
    }

    /** The histogram of the selection's pauses with the fitted models' curves; empty, never null, when there are none. */
    public ReadOnlyObjectProperty<PauseHistogram> histogramProperty() { return histogram.getReadOnlyProperty(); }
    /** The pauses' entry first, then one per model, best first; empty when there is no histogram. */
    public ReadOnlyObjectProperty<List<LegendEntry>> legendProperty() { return legend.getReadOnlyProperty(); }
    /** Which model fits, with the caveats of the test; empty when there is no histogram. */
    public ReadOnlyStringProperty verdictProperty() { return verdict.getReadOnlyProperty(); }
    /** The highlighted regime's pauses in the histogram's bins; null while none is highlighted or they are being counted. */
    public ReadOnlyObjectProperty<RegimePauseCounts> overlayProperty() { return overlay.getReadOnlyProperty(); }
    /** The overlay's legend entry ("regime 2 (1,234)"); empty while there is no overlay. */
    public ReadOnlyStringProperty overlayLegendProperty() { return overlayLegend.getReadOnlyProperty(); }
}
