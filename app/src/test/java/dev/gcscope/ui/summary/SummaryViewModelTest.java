package dev.gcscope.ui.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gcscope.analysis.cycles.DerivedColumns;
import dev.gcscope.analysis.regime.Regime;
import dev.gcscope.parsers.ParseListener;
import dev.gcscope.parsers.TraceLoader;
import dev.gcscope.parsers.TraceSource;
import dev.gcscope.parsers.gctrace.GcColumns;
import dev.gcscope.samples.SampleTraces;
import dev.gcscope.ui.gctrace.GcTraceData;
import dev.gcscope.ui.gctrace.GcTraceModel;
import dev.gcscope.render.plot.TimeRange;
import dev.gcscope.ui.task.SynchronousRunner;
import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.junit.jupiter.api.Test;

/** The Summary view's texts follow the model's statistics; expected values from commons-math on the slice. */
class SummaryViewModelTest {

    private static GcTraceModel model(String sample) throws Exception {
        var s = SampleTraces.get(sample);
        var result = DerivedColumns.addTo(TraceLoader.standard().load(TraceSource.of(s.fileName(), s.bytes()), null, ParseListener.NONE));
        return new GcTraceModel(GcTraceData.of(result.table(GcColumns.CYCLES_TABLE)), null, new SynchronousRunner());
    }

    private static String r7(double[] v, double p) {
        Percentile pct = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        return String.format(Locale.ROOT, "%,.3f", pct.evaluate(v, p));
    }

    @Test
    void theFiguresAreThoseOfTheSelection() throws Exception {
        GcTraceModel model = model(SampleTraces.DEFAULT_GCTRACE);
        SummaryViewModel vm = new SummaryViewModel(model);
        double[] x = model.data().layout().x();
        double[] stw = model.data().cycles().doubleColumn(GcColumns.STW_MS).asDoubleArray();
        assertEquals(r7(stw, 50), vm.stwP50Property().get());
        assertEquals(r7(stw, 99), vm.stwP99Property().get());

        TimeRange range = new TimeRange(11, 15);
        double[] slice = java.util.stream.IntStream.range(0, x.length).filter(i -> range.contains(x[i])).mapToDouble(i -> stw[i]).toArray();
        model.selectionProperty().set(range);
        assertEquals(String.format(Locale.ROOT, "%,d", slice.length), vm.cyclesProperty().get());
        assertEquals(r7(slice, 50), vm.stwP50Property().get());
        assertEquals(r7(slice, 90), vm.stwP90Property().get());
        assertEquals(r7(slice, 99), vm.stwP99Property().get());
        assertEquals(String.format(Locale.ROOT, "%,.3f", Arrays.stream(slice).max().orElseThrow()), vm.stwMaxProperty().get());
        String ci = vm.stwP99CiProperty().get();
        // the selection's 4 s are too few cycles, as alike as they are, for an upper bound of P99
        assertTrue(ci.matches("[0-9.,]+(–[0-9.,]+| – > max)"), ci);
        double low = Double.parseDouble(ci.substring(0, ci.indexOf('–')).trim().replace(",", ""));
        String upper = ci.substring(ci.indexOf('–') + 1).trim();
        double high = upper.equals("> max") ? Double.POSITIVE_INFINITY : Double.parseDouble(upper.replace(",", ""));
        double p99 = Double.parseDouble(vm.stwP99Property().get().replace(",", ""));
        assertTrue(low <= p99 && p99 <= high, ci + " around " + p99);
    }

    @Test
    void regimeRowsDescribeTheRegimesAndCountTheirCyclesInTheSelection() throws Exception {
        GcTraceModel model = model(SampleTraces.DEFAULT_GCTRACE);
        SummaryViewModel vm = new SummaryViewModel(model);
        var regimes = model.data().analysis().regimes().regimes();
        assertEquals(regimes.size(), vm.regimes().size());
        int[] regimeOfRow = model.data().regimeOfRow();
        boolean[] forced = new boolean[regimeOfRow.length];
        for (int i = 0; i < forced.length; i++) forced[i] = model.data().cycles().booleanColumn(GcColumns.FORCED).get(i);
        double[] x = model.data().layout().x();
        TimeRange range = new TimeRange(0, 8);
        model.selectionProperty().set(range);
        int total = (int) Arrays.stream(x).filter(range::contains).count();
        for (int k = 0; k < regimes.size(); k++) {
            Regime r = regimes.get(k);
            SummaryViewModel.RegimeRow row = vm.regimes().get(k);
            assertEquals(r.description(), row.description());
            assertEquals("#" + r.id(), row.name());
            int n = 0;
            for (int i = 0; i < x.length; i++) if (range.contains(x[i]) && regimeOfRow[i] == r.id() && !forced[i]) n++;
            String share = String.format(Locale.ROOT, "%.1f %%", 100.0 * n / total);
            assertEquals(String.format(Locale.ROOT, "%,d", n) + " · " + share, row.cycles());
        }
        vm.toggleRegime(regimes.get(0).id());
        assertEquals(regimes.get(0).id(), model.highlightedRegimeProperty().get());
        vm.toggleRegime(regimes.get(0).id());
        assertEquals(-1, model.highlightedRegimeProperty().get());
    }
}
