package dev.gcscope.ui.gctrace.regimes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gcscope.render.regimes.ScatterData;
import dev.gcscope.analysis.regime.Regime;
import dev.gcscope.samples.SampleTraces;
import dev.gcscope.ui.gctrace.GcTraceData;
import dev.gcscope.ui.gctrace.GcTraceModel;
import dev.gcscope.ui.gctrace.GcTraceViewsFixture;
import dev.gcscope.render.plot.TimeRange;
import dev.gcscope.ui.gctrace.regimes.RegimeScatterViewModel.Emphasis;
import dev.gcscope.ui.task.DeferredRunner;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** The regime scatter's legend, note and binning, without a toolkit, on a recording with three regimes. */
class RegimeScatterViewModelTest {
    private static Table cycles;

    @BeforeAll
    static void load() throws Exception {
        cycles = GcTraceViewsFixture.cycles(SampleTraces.DEFAULT_GCTRACE);
    }

    @Test
    void oneLegendEntryPerRegimeThenTheForcedOnes() {
        GcTraceModel model = GcTraceViewsFixture.model(cycles);
        RegimeScatterViewModel vm = new RegimeScatterViewModel(model);
        List<Regime> regimes = model.data().analysis().regimes().regimes();
        assertTrue(regimes.size() >= 2);
        List<RegimeScatterViewModel.LegendEntry> legend = vm.legend();
        assertEquals(regimes.size() + 1, legend.size());
        for (Regime r : regimes) {
            RegimeScatterViewModel.LegendEntry e = legend.get(r.id());
            assertEquals(r.id(), e.regime());
            assertEquals(r.id() + "  " + String.join(",", r.labels()), e.text());
            assertTrue(e.tooltip().startsWith(r.description() + System.lineSeparator()), e.tooltip());
            assertTrue(e.tooltip().contains(String.format(java.util.Locale.ROOT, "%,d cycles", r.cycles())), e.tooltip());
        }
        assertEquals(new RegimeScatterViewModel.LegendEntry(-1, "forced GC or no regime", null), legend.get(regimes.size()));
    }

    @Test
    void theNoteDescribesTheHighlightedRegimeAndAClickTogglesIt() {
        GcTraceModel model = GcTraceViewsFixture.model(cycles);
        RegimeScatterViewModel vm = new RegimeScatterViewModel(model);
        String method = model.data().analysis().regimes().method();
        assertTrue(vm.noteProperty().get().endsWith("Method: " + method + "."), vm.noteProperty().get());
        Regime r = model.data().analysis().regimes().regimes().get(1);
        vm.toggleHighlight(r.id());
        assertEquals(r.id(), model.highlightedRegimeProperty().get(), "the document's highlight");
        assertTrue(vm.noteProperty().get().startsWith("Regime 1: " + r.description() + ";"), vm.noteProperty().get());
        assertEquals(Emphasis.HIGHLIGHTED, vm.emphasisOf(1));
        assertEquals(Emphasis.FADED, vm.emphasisOf(0));
        assertEquals(Emphasis.NORMAL, vm.emphasisOf(-1), "the forced entry is never faded");
        vm.toggleHighlight(r.id());
        assertEquals(-1, model.highlightedRegimeProperty().get(), "a second click clears");
        assertEquals(Emphasis.NORMAL, vm.emphasisOf(0));
        assertTrue(vm.noteProperty().get().startsWith("Click a regime's"), vm.noteProperty().get());
    }

    @Test
    void eachSelectionIsBinnedOverTheTracesPointsPlacedOnce() {
        GcTraceModel model = GcTraceViewsFixture.model(cycles);
        RegimeScatterViewModel vm = new RegimeScatterViewModel(model);
        ScatterData whole = vm.dataProperty().get();
        assertEquals(0, whole.from());
        assertEquals(cycles.rowCount(), whole.to());
        double[] x = model.data().layout().x();
        model.selectionProperty().set(new TimeRange(x[200], x[600]));
        int[] rows = model.data().rowsIn(model.selectionProperty().get());
        ScatterData part = vm.dataProperty().get();
        assertEquals(rows[0], part.from());
        assertEquals(rows[1], part.to());
        assertSame(whole.points(), part.points(), "the points are placed once per document");
        int placed = 0;
        for (int i = rows[0]; i < rows[1]; i++) if (!Float.isNaN(whole.points().log10Rate()[i])) placed++;
        assertEquals(placed, part.grid().placed());
    }

    /** Binning runs in the background; a selection replaced before its grid arrives never shows it. */
    @Test
    void onlyTheLatestSelectionsGridIsShown() {
        GcTraceData data = GcTraceData.of(cycles);
        DeferredRunner runner = new DeferredRunner();
        GcTraceModel model = new GcTraceModel(data, GcTraceModel.wholeTrace(data), runner);
        RegimeScatterViewModel vm = new RegimeScatterViewModel(model);
        assertNull(vm.dataProperty().get(), "nothing binned on the UI thread");
        runner.runNext();
        assertEquals(data.size(), vm.dataProperty().get().to());

        double[] x = data.layout().x();
        model.selectionProperty().set(new TimeRange(x[10], x[400]));
        runner.runNext(); // the statistics of the first selection: its grid is submitted
        model.selectionProperty().set(new TimeRange(x[450], x[700]));
        runner.runNextFromEnd(); // the second selection's statistics: the first grid is superseded
        assertEquals(2, runner.pendingCount());
        runner.runNextFromEnd();
        int[] second = data.rowsIn(model.selectionProperty().get());
        ScatterData shown = vm.dataProperty().get();
        assertNotNull(shown);
        assertEquals(second[0], shown.from());
        runner.runNext(); // the first selection's grid, cancelled: dropped
        assertEquals(second[0], vm.dataProperty().get().from());
        assertEquals(second[1], vm.dataProperty().get().to());
        assertEquals(0, runner.pendingCount());
    }
}
