package dev.gcscope.ui.summary;

import dev.gcscope.analysis.CycleRangeAnalysis;
import dev.gcscope.analysis.GcSummary;
import dev.gcscope.analysis.regime.Regime;
import dev.gcscope.analysis.regime.RegimeLabels;
import dev.gcscope.analysis.stats.PauseStatistics;
import dev.gcscope.analysis.stats.PercentileInterval.Estimate;
import dev.gcscope.ui.gctrace.GcTraceModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The gctrace Summary view's figures, as texts, for the current statistics of a
 * {@link GcTraceModel} (the selection, or the whole trace): cycles, pause percentiles with their
 * order-statistic intervals ("&gt; max" where the pauses are too few for an upper bound), heap peak, GC CPU, and one row per regime with its description and its
 * figures inside the selection. Updated whenever the statistics are.
 */
public final class SummaryViewModel {
    private final GcTraceModel model;
    // --- cycles
    private final ReadOnlyStringWrapper cycles = figure("cycles");
    private final ReadOnlyStringWrapper forced = figure("forced");
    private final ReadOnlyStringWrapper runs = figure("runs");
    // --- stop-the-world pause, ms, with 95 % intervals
    private final ReadOnlyStringWrapper stwP50 = figure("stwP50");
    private final ReadOnlyStringWrapper stwP90 = figure("stwP90");
    private final ReadOnlyStringWrapper stwP99 = figure("stwP99");
    private final ReadOnlyStringWrapper stwP999 = figure("stwP999");
    private final ReadOnlyStringWrapper stwMax = figure("stwMax");
    private final ReadOnlyStringWrapper stwP50Ci = note("stwP50Ci");
    private final ReadOnlyStringWrapper stwP90Ci = note("stwP90Ci");
    private final ReadOnlyStringWrapper stwP99Ci = note("stwP99Ci");
    private final ReadOnlyStringWrapper stwP999Ci = note("stwP999Ci");
    private final ReadOnlyStringWrapper stwMaxNote = note("stwMaxNote");
    // --- memory and CPU
    private final ReadOnlyStringWrapper heapPeak = figure("heapPeak");
    private final ReadOnlyStringWrapper gcCpu = figure("gcCpu");
    // --- regimes
    private final ObservableList<RegimeRow> regimes = FXCollections.observableArrayList();
    private final ObservableList<RegimeRow> regimesView = FXCollections.unmodifiableObservableList(regimes);
    private final ReadOnlyStringWrapper regimeMethod = new ReadOnlyStringWrapper(this, "regimeMethod", "");

    /**
     * One regime as the regimes table shows it.
     *
     * @param cycles its cycles inside the selection, with their share of the selection's cycles
     * @param timeShare its share of the whole trace's time
     * @param p50 its pause median inside the selection, ms
     * @param kindMeaning what each word of {@code labels} means and the figure it was read from, a line each
     */
    public record RegimeRow(int id, String name, String labels, String description, String cycles, String timeShare,
                            String p50, String p99, String kindMeaning) {}

    public SummaryViewModel(GcTraceModel model) {
        this.model = model;
        var found = model.data().analysis().regimes();
        regimeMethod.set(found.method() == null ? "" : found.method());
        model.statisticsProperty().addListener((o, old, now) -> show(now));
        show(model.statisticsProperty().get());
    }

    private ReadOnlyStringWrapper figure(String name) {
        return new ReadOnlyStringWrapper(this, name, Formats.MISSING);
    }

    private ReadOnlyStringWrapper note(String name) {
        return new ReadOnlyStringWrapper(this, name, "");
    }

    /** Highlights {@code regime} in every view, or clears the highlight when it already is highlighted. */
    public void toggleRegime(int regime) {
        IntegerProperty h = model.highlightedRegimeProperty();
        h.set(h.get() == regime ? -1 : regime);
    }

    private void show(CycleRangeAnalysis stats) {
        if (stats == null) return; // a large trace: statistics still being computed
        GcSummary s = stats.summary();
        cycles.set(Formats.count(s.cycles()));
        forced.set(Formats.count(s.forced()));
        runs.set(Formats.count(s.runs()));
        PauseStatistics p = stats.pauses();
        set(stwP50, stwP50Ci, p.p50());
        set(stwP90, stwP90Ci, p.p90());
        set(stwP99, stwP99Ci, p.p99());
        set(stwP999, stwP999Ci, p.p999());
        stwMax.set(Formats.ms(s.stwMs().max()));
        stwMaxNote.set(Double.isNaN(p.tailRatio()) ? "" : String.format(Locale.ROOT, "p99/p50 %.1f×", p.tailRatio()));
        heapPeak.set(Formats.mb(s.heapPeakMb()));
        gcCpu.set(Formats.percent(s.gcCpuPct()));
        regimes.setAll(rows(stats));
    }

    /** The percentile value as the CLI prints it, and its interval below (none for a single cycle). */
    private static void set(ReadOnlyStringWrapper value, ReadOnlyStringWrapper ci, Estimate e) {
        value.set(Formats.ms(e.value()));
        ci.set(Formats.interval(e));
    }

    private List<RegimeRow> rows(CycleRangeAnalysis stats) {
        List<RegimeRow> out = new ArrayList<>();
        int total = stats.cycles();
        for (Regime r : model.data().analysis().regimes().regimes()) {
            CycleRangeAnalysis.RegimePauses in = stats.regimes().stream().filter(x -> x.regime() == r.id()).findFirst().orElse(null);
            int n = in == null ? 0 : in.cycles();
            String share = total == 0 ? Formats.MISSING : Formats.percent(100.0 * n / total);
            out.add(new RegimeRow(r.id(), "#" + r.id(), String.join(", ", r.labels()).replace('_', ' '), r.description(),
                    Formats.count(n) + " · " + share, Formats.percent(100 * r.shareOfTime()),
                    in == null ? Formats.MISSING : Formats.ms(in.p50Ms()), in == null ? Formats.MISSING : Formats.ms(in.p99Ms()),
                    RegimeLabels.meaning(r)));
        }
        return out;
    }

    public GcTraceModel model() { return model; }
    public ReadOnlyStringProperty cyclesProperty() { return cycles.getReadOnlyProperty(); }
    public ReadOnlyStringProperty forcedProperty() { return forced.getReadOnlyProperty(); }
    public ReadOnlyStringProperty runsProperty() { return runs.getReadOnlyProperty(); }
    public ReadOnlyStringProperty stwP50Property() { return stwP50.getReadOnlyProperty(); }
    public ReadOnlyStringProperty stwP90Property() { return stwP90.getReadOnlyProperty(); }
    public ReadOnlyStringProperty stwP99Property() { return stwP99.getReadOnlyProperty(); }
    public ReadOnlyStringProperty stwP999Property() { return stwP999.getReadOnlyProperty(); }
    public ReadOnlyStringProperty stwMaxProperty() { return stwMax.getReadOnlyProperty(); }
    public ReadOnlyStringProperty stwP50CiProperty() { return stwP50Ci.getReadOnlyProperty(); }
    public ReadOnlyStringProperty stwP90CiProperty() { return stwP90Ci.getReadOnlyProperty(); }
    public ReadOnlyStringProperty stwP99CiProperty() { return stwP99Ci.getReadOnlyProperty(); }
    public ReadOnlyStringProperty stwP999CiProperty() { return stwP999Ci.getReadOnlyProperty(); }
    /** The tail ratio p99/p50 under the maximum. */
    public ReadOnlyStringProperty stwMaxNoteProperty() { return stwMaxNote.getReadOnlyProperty(); }
    public ReadOnlyStringProperty heapPeakProperty() { return heapPeak.getReadOnlyProperty(); }
    public ReadOnlyStringProperty gcCpuProperty() { return gcCpu.getReadOnlyProperty(); }
    /** The regimes of the whole trace, with their figures inside the selection. */
    public ObservableList<RegimeRow> regimes() { return regimesView; }
    /** How the regimes were found, e.g. "k-means++, k = 3 by silhouette (0.76)". */
    public ReadOnlyStringProperty regimeMethodProperty() { return regimeMethod.getReadOnlyProperty(); }
}
