package dev.gcscope.ui.gctrace.regimes;

import dev.gcscope.render.regimes.ScatterData;
import dev.gcscope.analysis.CycleRangeAnalysis;
import dev.gcscope.analysis.regime.Regime;
import dev.gcscope.analysis.regime.RegimeAnalysis;
import dev.gcscope.analysis.regime.RegimeScatterPoints;
import dev.gcscope.ui.gctrace.GcTraceData;
import dev.gcscope.ui.gctrace.GcTraceModel;
import dev.gcscope.ui.task.LatestTask;
import dev.gcscope.ui.task.TaskListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What the regime scatter tab shows: the trace's points (placed once, in the background) binned for
 * the current selection (again in the background, the latest selection winning), one legend entry
 * per regime, and a note that describes the highlighted regime or says how to highlight one. The
 * highlight is the document's, so every view emphasises the same regime.
 */
public final class RegimeScatterViewModel {
    /** A legend entry: a regime (id ≥ 0, with its tooltip) or the entry for forced GCs and noise (id −1). */
    public record LegendEntry(int regime, String text, String tooltip) {}

    /** How a legend entry looks under the current highlight. */
    public enum Emphasis { NORMAL, HIGHLIGHTED, FADED }

    private final GcTraceModel model;
    private final RegimeAnalysis.Result regimes;
    private final LatestTask binning;
    private final List<LegendEntry> legend;
    private final String instructions;
    private final ReadOnlyObjectWrapper<ScatterData> data = new ReadOnlyObjectWrapper<>(this, "data");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure", "");
    /** Every cycle's place, computed with the first selection's grid and reused for every later one. */
    private RegimeScatterPoints points;

    public RegimeScatterViewModel(GcTraceModel model) {
        this.model = model;
        this.regimes = model.data().analysis().regimes();
        this.binning = new LatestTask(model.runner());
        this.legend = legendOf(regimes.regimes());
        this.instructions = regimes.regimes().isEmpty() ? "" : "Click a regime's dots, ring or legend entry to highlight it in every view;"
                + " click again or on empty space to clear. Method: " + regimes.method() + ".";
        model.highlightedRegimeProperty().addListener((obs, old, now) -> describeHighlight());
        describeHighlight();
        model.statisticsProperty().addListener((obs, old, now) -> rebin(now));
        rebin(model.statisticsProperty().get());
    }

    private static List<LegendEntry> legendOf(List<Regime> regimes) {
        List<LegendEntry> out = new ArrayList<>();
        for (Regime r : regimes) {
            out.add(new LegendEntry(r.id(), String.format(Locale.ROOT, "%d  %s", r.id(), r.label()),
                    String.format(Locale.ROOT, "%s%n%,d cycles (%.0f %%); P50 %.3f ms, P99 %.3f ms",
                            r.description(), r.cycles(), 100 * r.shareOfCycles(), r.stwP50Ms(), r.stwP99Ms())));
        }
        out.add(new LegendEntry(-1, "forced GC or no regime", null));
        return List.copyOf(out);
    }

    private void describeHighlight() {
        int hl = model.highlightedRegimeProperty().get();
        if (hl < 0 || hl >= regimes.regimes().size()) {
            note.set(instructions);
            return;
        }
        Regime r = regimes.regimes().get(hl);
        note.set(String.format(Locale.ROOT, "Regime %d: %s; %,d cycles, P50 %.3f ms, P99 %.3f ms.", r.id(),
                r.description(), r.cycles(), r.stwP50Ms(), r.stwP99Ms()));
    }

    private void rebin(CycleRangeAnalysis stats) {
        if (stats == null) return;
        GcTraceData d = model.data();
        RegimeScatterPoints known = points;
        int from = stats.fromRow(), to = stats.toRow();
        List<Regime> all = regimes.regimes();
        binning.submit("regime scatter of " + (to - from) + " cycles", ctx -> {
            RegimeScatterPoints p = known != null ? known : RegimeScatterPoints.of(d.cycles());
            return ScatterData.of(p, d.regimeOfRow(), all, from, to);
        }, new TaskListener<>() {
            @Override
            public void succeeded(ScatterData value) {
                points = value.points();
                failure.set("");
                data.set(value);
            }

            @Override
            public void failed(Throwable e) {
                failure.set("Regime scatter failed: " + e.getMessage());
            }
        });
    }

    /** A click on a regime's legend entry: highlights it, or clears the highlight if it was the one. */
    public void toggleHighlight(int regime) {
        int now = model.highlightedRegimeProperty().get();
        model.highlightedRegimeProperty().set(now == regime ? -1 : regime);
    }

    public Emphasis emphasisOf(int regime) {
        int hl = model.highlightedRegimeProperty().get();
        if (hl < 0 || regime < 0) return Emphasis.NORMAL;
        return regime == hl ? Emphasis.HIGHLIGHTED : Emphasis.FADED;
    }

    /** One entry per regime in id order, then the one for forced GCs and noise. */
    public List<LegendEntry> legend() { return legend; }
    /** The highlighted regime (−1 for none): the document's, shared by every view. */
    public IntegerProperty highlightedRegimeProperty() { return model.highlightedRegimeProperty(); }
    /** The selection's points and grid; null until first binned. */
    public ReadOnlyObjectProperty<ScatterData> dataProperty() { return data.getReadOnlyProperty(); }
    /** The highlighted regime's description, or how to highlight one. */
    public ReadOnlyStringProperty noteProperty() { return note.getReadOnlyProperty(); }
    /** Why the last binning failed; empty when it did not. */
    public ReadOnlyStringProperty failureProperty() { return failure.getReadOnlyProperty(); }
}
