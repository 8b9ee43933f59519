package dev.gcscope.ui.gctrace.distribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gcscope.render.distribution.RegimePauseCounts;
import dev.gcscope.analysis.CycleRangeAnalysis;
import dev.gcscope.analysis.stats.PauseFits;
import dev.gcscope.parsers.gctrace.GcColumns;
import dev.gcscope.samples.SampleTraces;
import dev.gcscope.ui.gctrace.GcTraceData;
import dev.gcscope.ui.gctrace.GcTraceModel;
import dev.gcscope.ui.gctrace.GcTraceViewsFixture;
import dev.gcscope.render.plot.TimeRange;
import dev.gcscope.ui.task.DeferredRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** The STW histogram's legend, verdict and regime overlay, without a toolkit; counts come from the raw rows. */
class StwHistogramViewModelTest {
    private static Table cycles;
    private static double[] stw;

    @BeforeAll
    static void load() throws Exception {
        cycles = GcTraceViewsFixture.cycles(SampleTraces.DEFAULT_GCTRACE);
        stw = cycles.doubleColumn(GcColumns.STW_MS).asDoubleArray();
    }

    private static long positivePauses(int from, int to) {
        long n = 0;
        for (int i = from; i < to; i++) if (stw[i] > 0) n++;
        return n;
    }

    @Test
    void theLegendNamesThePausesAndEachModelAndTheVerdictItsCaveats() {
        GcTraceModel model = GcTraceViewsFixture.model(cycles);
        StwHistogramViewModel vm = new StwHistogramViewModel(model);
        List<StwHistogramViewModel.LegendEntry> legend = vm.legendProperty().get();
        assertEquals(String.format(Locale.ROOT, "pauses (%,d)", positivePauses(0, cycles.rowCount())), legend.get(0).text());
        List<PauseFits.Fit> fits = model.statisticsProperty().get().fits().fits();
        assertEquals(1 + fits.size(), legend.size());
        for (int i = 0; i < fits.size(); i++) {
            PauseFits.Fit f = fits.get(i);
            StwHistogramViewModel.LegendEntry e = legend.get(i + 1);
            String p = f.ksP() < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "= %.3f", f.ksP());
            assertEquals(f.model() + " (KS p " + p + ")", e.text());
            assertEquals(i == 0 && f.ksP() >= PauseFits.ACCEPT_P, e.accepted(), "only the best, and only if consistent");
            assertEquals(f.parameters(), e.tooltip());
        }
        String verdict = vm.verdictProperty().get();
        assertTrue(verdict.startsWith(model.statisticsProperty().get().fits().verdict() + "."), verdict);
        assertTrue(verdict.contains("KS on at most 5,000 pauses"), verdict);

        // a selection: the legend counts its pauses
        double[] x = model.data().layout().x();
        model.selectionProperty().set(new TimeRange(x[100], x[499]));
        int[] rows = model.data().rowsIn(model.selectionProperty().get());
        assertEquals(String.format(Locale.ROOT, "pauses (%,d)", positivePauses(rows[0], rows[1])), vm.legendProperty().get().get(0).text());
    }

    @Test
    void theHighlightedRegimesPausesAreCountedIntoTheBinsAndClearedWithTheHighlight() {
        GcTraceModel model = GcTraceViewsFixture.model(cycles);
        StwHistogramViewModel vm = new StwHistogramViewModel(model);
        int[] regimeOfRow = model.data().regimeOfRow();
        int regime = -1;
        for (int i = regimeOfRow.length - 1; i >= 0 && regime < 0; i--) regime = regimeOfRow[i];
        assertTrue(regime >= 0);
        assertNull(vm.overlayProperty().get());
        model.highlightedRegimeProperty().set(regime);
        RegimePauseCounts o = vm.overlayProperty().get();
        assertNotNull(o, "a small trace is counted at once");
        double[] edges = vm.histogramProperty().get().bins().edges();
        long[] want = new long[edges.length - 1];
        long total = 0;
        for (int i = 0; i < stw.length; i++) {
            if (regimeOfRow[i] != regime) continue;
            for (int b = 0; b < want.length; b++) if (stw[i] >= edges[b] && stw[i] < edges[b + 1]) want[b]++;
        }
        for (long c : want) total += c;
        assertArrayEquals(want, o.counts());
        assertEquals(String.format(Locale.ROOT, "regime %d (%,d)", regime, total), vm.overlayLegendProperty().get());

        model.highlightedRegimeProperty().set(-1);
        assertNull(vm.overlayProperty().get());
        assertEquals("", vm.overlayLegendProperty().get());
    }

    /** The overlay is counted in the old bins: it must be gone before a new selection's histogram arrives. */
    @Test
    void aNewSelectionNeverShowsTheOldOverlayOverTheNewBins() {
        GcTraceModel model = GcTraceViewsFixture.model(cycles);
        StwHistogramViewModel vm = new StwHistogramViewModel(model);
        int[] regimeOfRow = model.data().regimeOfRow();
        int regime = -1;
        for (int i = 0; i < regimeOfRow.length && regime < 0; i++) regime = regimeOfRow[i];
        model.highlightedRegimeProperty().set(regime);
        assertNotNull(vm.overlayProperty().get());
        List<Object> overlayWhenBinsChanged = new ArrayList<>();
        vm.histogramProperty().addListener((obs, old, now) -> overlayWhenBinsChanged.add(String.valueOf(vm.overlayProperty().get())));
        double[] x = model.data().layout().x();
        model.selectionProperty().set(new TimeRange(x[0], x[300]));
        assertEquals(List.of("null"), overlayWhenBinsChanged);
        assertNotNull(vm.overlayProperty().get(), "recounted for the new bins");
        assertEquals(vm.histogramProperty().get().bins().bins(), vm.overlayProperty().get().counts().length);
    }

    @Test
    void aLargeSelectionIsCountedInTheBackgroundAndOnlyTheLatestCountIsShown() {
        Table big = cycles.emptyCopy();
        while (big.rowCount() <= StwHistogramViewModel.SYNCHRONOUS_ROWS) big.append(cycles);
        GcTraceData data = GcTraceData.of(big);
        DeferredRunner runner = new DeferredRunner();
        GcTraceModel model = new GcTraceModel(data, GcTraceModel.wholeTrace(data), runner);
        StwHistogramViewModel vm = new StwHistogramViewModel(model);
        List<Integer> regimes = new ArrayList<>();
        for (int r : data.regimeOfRow()) if (r >= 0 && !regimes.contains(r)) regimes.add(r);
        assertTrue(regimes.size() >= 2);

        model.highlightedRegimeProperty().set(regimes.get(0));
        model.highlightedRegimeProperty().set(regimes.get(1));
        assertNull(vm.overlayProperty().get(), "nothing counted on the UI thread");
        assertEquals(2, runner.pendingCount());
        runner.runNext();
        assertNull(vm.overlayProperty().get(), "the superseded count is dropped");
        runner.runNext();
        RegimePauseCounts o = vm.overlayProperty().get();
        assertNotNull(o);
        assertEquals(regimes.get(1), o.regime());
        double[] bigStw = big.doubleColumn(GcColumns.STW_MS).asDoubleArray();
        long want = 0;
        for (int i = 0; i < data.size(); i++) if (data.regimeOfRow()[i] == o.regime() && bigStw[i] > 0) want++;
        assertEquals(want, o.total());
        assertFalse(vm.overlayLegendProperty().get().isEmpty());
        CycleRangeAnalysis stats = model.statisticsProperty().get();
        assertEquals(stats.cycles(), data.size());
    }
}
