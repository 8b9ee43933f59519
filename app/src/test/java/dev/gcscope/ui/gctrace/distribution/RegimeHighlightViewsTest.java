package dev.gcscope.ui.gctrace.distribution;

import static dev.gcscope.ui.gctrace.GcTraceViewsFixture.countPixels;
import static dev.gcscope.ui.gctrace.GcTraceViewsFixture.near;
import static dev.gcscope.ui.gctrace.GcTraceViewsFixture.r7;
import static dev.gcscope.ui.gctrace.GcTraceViewsFixture.show;
import static dev.gcscope.ui.gctrace.GcTraceViewsFixture.snapshot;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gcscope.render.distribution.PauseHistogram;
import dev.gcscope.render.distribution.RegimePauseCounts;
import dev.gcscope.analysis.CycleRangeAnalysis;
import dev.gcscope.parsers.gctrace.GcColumns;
import dev.gcscope.samples.SampleTraces;
import dev.gcscope.render.plot.PlotArea;
import dev.gcscope.ui.LayoutPass;
import dev.gcscope.ui.gctrace.GcTraceData;
import dev.gcscope.ui.gctrace.GcTraceModel;
import dev.gcscope.ui.gctrace.GcTraceViewsFixture;
import dev.gcscope.render.plot.TimeRange;
import dev.gcscope.ui.gctrace.mmu.MmuView;
import dev.gcscope.ui.task.BackgroundRunner;
import dev.gcscope.ui.task.BackgroundTask;
import dev.gcscope.ui.task.SynchronousRunner;
import dev.gcscope.ui.task.TaskHandle;
import dev.gcscope.ui.task.TaskListener;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.Table;

/**
 * A highlighted regime in the STW histogram (its selected pauses as overlay bars), the convergence
 * chart (its own P50/P99 as reference lines) and the captions of convergence and MMU, on a real
 * recording; the expectations are counted here from the raw rows.
 */
@ExtendWith(ApplicationExtension.class)
class RegimeHighlightViewsTest {
    private static Table cycles;
    private static double[] stw;
    private Stage stage;

    @BeforeAll
    static void load() throws Exception {
        cycles = GcTraceViewsFixture.cycles(SampleTraces.DEFAULT_GCTRACE);
        stw = cycles.doubleColumn(GcColumns.STW_MS).asDoubleArray();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    /** Regime ids with cycles in rows [from, to). */
    private static List<Integer> regimesIn(int[] regimeOfRow, int from, int to) {
        List<Integer> out = new ArrayList<>();
        for (int i = from; i < to; i++) if (regimeOfRow[i] >= 0 && !out.contains(regimeOfRow[i])) out.add(regimeOfRow[i]);
        return out;
    }

    /** The regime's positive pauses of rows [from, to), each tested against every bin's edges. */
    private static long[] naiveCounts(int[] regimeOfRow, int regime, int from, int to, double[] edges) {
        long[] c = new long[edges.length - 1];
        for (int i = from; i < to; i++) {
            if (regimeOfRow[i] != regime) continue;
            for (int b = 0; b < c.length; b++) if (stw[i] >= edges[b] && stw[i] < edges[b + 1]) c[b]++;
        }
        return c;
    }

    @Test
    void theHighlightedRegimesSelectedPausesAreOverlaidInTheirBins(FxRobot robot) {
        GcTraceModel model = GcTraceViewsFixture.model(cycles);
        StwHistogramView view = new StwHistogramView(model);
        show(robot, stage, view, false);
        double[] x = model.data().layout().x();
        int[] regimeOfRow = model.data().regimeOfRow();
        robot.interact(() -> model.selectionProperty().set(new TimeRange(x[30], x[599])));
        int[] rows = model.data().rowsIn(model.selectionProperty().get());
        List<Integer> regimes = regimesIn(regimeOfRow, rows[0], rows[1]);
        assertTrue(regimes.size() >= 2, "the selection holds several regimes: " + regimes);
        assertTrue(regimeOfRow[0] == regimes.get(0) && rows[0] > 0, "and leaves out some of one regime's cycles");
        assertNull(view.chart().overlayProperty().get(), "nothing highlighted, no overlay");

        for (int regime : regimes) {
            robot.interact(() -> model.highlightedRegimeProperty().set(regime));
            WaitForAsyncUtils.waitForFxEvents();
            PauseHistogram h = view.chart().histogramProperty().get();
            RegimePauseCounts o = view.chart().overlayProperty().get();
            assertNotNull(o, "regime " + regime);
            assertEquals(regime, o.regime());
            long[] want = naiveCounts(regimeOfRow, regime, rows[0], rows[1], h.bins().edges());
            assertArrayEquals(want, o.counts(), "regime " + regime + "'s selected pauses, bin by bin");
            long total = 0;
            for (long c : want) total += c;
            Label item = robot.lookup("#stw-histogram-regime").queryAs(Label.class);
            assertEquals(String.format(java.util.Locale.ROOT, "regime %d (%,d)", regime, total), item.getText());

            // the readout of a bin holding the regime's pauses says how many
            int bin = 0;
            for (int i = 0; i < want.length; i++) if (want[i] > want[bin]) bin = i;
            LayoutPass.run(robot, view.chart());
            PlotArea a = view.chart().plotArea().orElseThrow();
            double[] e = h.bins().edges();
            double px = a.xScale().toPixel((Math.log10(e[bin]) + Math.log10(e[bin + 1])) / 2);
            robot.interact(() -> view.chart().hover(px, a.bottom() - 3));
            assertTrue(view.chart().readout().getText().contains(String.format(java.util.Locale.ROOT,
                    "regime %d: %,d of them", regime, want[bin])), view.chart().readout().getText());

            // and the bars are drawn in the regime's colour (80 % over the stepped-back bar fill)
            Color bar = (Color) view.chart().barFill();
            Color under = ((Color) view.chart().plotFill()).interpolate(bar, StwHistogramChart.BARS_UNDER_OVERLAY_OPACITY);
            Color overlay = under.interpolate((Color) view.chart().regimeFill(regime), 0.8);
            WritableImage img = snapshot(robot, view.chart());
            assertTrue(countPixels(img, overlay, 0, (int) img.getWidth()) > 20, "regime " + regime + "'s bars are drawn");
        }

        robot.interact(() -> model.highlightedRegimeProperty().set(-1));
        assertNull(view.chart().overlayProperty().get(), "un-highlighting removes the overlay");
        assertTrue(robot.lookup("#stw-histogram-regime").tryQuery().isEmpty(), "and its legend item");
    }

    /** Runs nothing until told: shows what a view does while its background work is still pending. */
    private static final class DeferredRunner implements BackgroundRunner {
        final List<Runnable> pending = new ArrayList<>();
        final List<Boolean> cancelled = new ArrayList<>();

        /** Each task, when run, reports its result even if cancelled meanwhile: the race a real runner can lose. */
        @Override
        public <T> TaskHandle submit(String name, BackgroundTask<T> task, TaskListener<T> listener) {
            int k = pending.size();
            pending.add(() -> new SynchronousRunner().submit(name, task, listener));
            cancelled.add(false);
            return new TaskHandle() {
                @Override
                public void cancel() {
                    cancelled.set(k, true);
                }

                @Override
                public boolean isCancelled() {
                    return cancelled.get(k);
                }
            };
        }
    }

    @Test
    void aLargeSelectionIsCountedInTheBackgroundAndOnlyTheLatestCountIsShown(FxRobot robot) {
        Table big = cycles.emptyCopy();
        while (big.rowCount() <= StwHistogramViewModel.SYNCHRONOUS_ROWS) big.append(cycles);
        GcTraceData data = GcTraceData.of(big);
        DeferredRunner runner = new DeferredRunner();
        GcTraceModel model = new GcTraceModel(data, GcTraceModel.wholeTrace(data), runner);
        StwHistogramView view = new StwHistogramView(model);
        show(robot, stage, view, false);
        List<Integer> regimes = regimesIn(data.regimeOfRow(), 0, data.size());
        assertTrue(regimes.size() >= 2);

        robot.interact(() -> model.highlightedRegimeProperty().set(regimes.get(0)));
        robot.interact(() -> model.highlightedRegimeProperty().set(regimes.get(1)));
        assertNull(view.chart().overlayProperty().get(), "nothing counted on the UI thread");
        assertEquals(2, runner.pending.size(), "one count per highlight, both in the background");
        assertEquals(List.of(true, false), runner.cancelled, "the second highlight cancels the first count");
        robot.interact(() -> runner.pending.forEach(Runnable::run));
        RegimePauseCounts o = view.chart().overlayProperty().get();
        assertNotNull(o);
        assertEquals(regimes.get(1), o.regime(), "the superseded count is dropped");
        double[] bigStw = big.doubleColumn(GcColumns.STW_MS).asDoubleArray();
        long want = 0;
        for (int i = 0; i < data.size(); i++) if (data.regimeOfRow()[i] == o.regime() && bigStw[i] > 0) want++;
        assertEquals(want, o.total(), "every positive pause of the regime");
    }

    @Test
    void convergenceShowsTheRegimesOwnPercentilesAndSaysItCoversAllCycles(FxRobot robot) {
        GcTraceModel model = GcTraceViewsFixture.model(cycles);
        ConvergenceView view = new ConvergenceView(model);
        show(robot, stage, view, false);
        double[] x = model.data().layout().x();
        robot.interact(() -> model.selectionProperty().set(new TimeRange(x[100], x[699])));
        int[] rows = model.data().rowsIn(model.selectionProperty().get());
        Label scope = robot.lookup("#convergence-scope").queryAs(Label.class);
        assertTrue(scope.getText().startsWith(String.format(java.util.Locale.ROOT, "All %,d cycles of the selection",
                rows[1] - rows[0])), scope.getText());
        assertNull(view.chart().regimeReferenceProperty().get());

        int[] regimeOfRow = model.data().regimeOfRow();
        BooleanColumn forced = cycles.booleanColumn(GcColumns.FORCED);
        // the regime with the most pauses in the selection
        int regime = -1;
        int most = 0;
        for (int r : regimesIn(regimeOfRow, rows[0], rows[1])) {
            int n = 0;
            for (int i = rows[0]; i < rows[1]; i++) if (regimeOfRow[i] == r) n++;
            if (n > most) {
                most = n;
                regime = r;
            }
        }
        List<Double> mine = new ArrayList<>();
        for (int i = rows[0]; i < rows[1]; i++) {
            if (regimeOfRow[i] == regime && !forced.get(i) && !Double.isNaN(stw[i])) mine.add(stw[i]);
        }
        double[] sample = mine.stream().mapToDouble(Double::doubleValue).toArray();
        int r = regime;
        robot.interact(() -> model.highlightedRegimeProperty().set(r));
        WaitForAsyncUtils.waitForFxEvents();
        CycleRangeAnalysis.RegimePauses ref = view.chart().regimeReferenceProperty().get();
        assertNotNull(ref);
        assertEquals(regime, ref.regime());
        assertEquals(r7(sample, 50), ref.p50Ms(), 1e-12, "P50 of the regime's selected pauses");
        assertEquals(r7(sample, 99), ref.p99Ms(), 1e-12, "P99 of the regime's selected pauses");
        assertTrue(scope.getText().contains("regime " + regime + "'s own P50 and P99"), scope.getText());

        // the dotted lines are drawn at those values, in the regime's colour
        Color colour = (Color) view.chart().regimeStroke(regime);
        LayoutPass.run(robot, view.chart());
        PlotArea a = view.chart().plotArea().orElseThrow();
        WritableImage img = snapshot(robot, view.chart());
        for (double ms : new double[] {ref.p50Ms(), ref.p99Ms()}) {
            int y = (int) Math.floor(ConvergenceChart.referenceY(a, ms));
            assertTrue(rowPixels(img, colour, a, y) > a.width() / 5, "a dotted line at " + ms + " ms (y " + y + ")");
        }
        assertEquals(0, rowPixels(img, colour, a, (int) Math.floor(ConvergenceChart.referenceY(a, ref.p99Ms())) - 30),
                "and nowhere else along that band");

        robot.interact(() -> model.highlightedRegimeProperty().set(-1));
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(view.chart().regimeReferenceProperty().get(), "un-highlighting removes them");
        WritableImage cleared = snapshot(robot, view.chart());
        PlotArea b = view.chart().plotArea().orElseThrow();
        int y = (int) Math.floor(ConvergenceChart.referenceY(b, ref.p50Ms()));
        assertTrue(rowPixels(cleared, colour, b, y) < b.width() / 20, "no line left at the regime's P50");
        assertFalse(scope.getText().contains("Dotted"), scope.getText());
    }

    /** Pixels of {@code colour} along row {@code y} (or the row below it) of the plot. */
    private static long rowPixels(WritableImage img, Color colour, PlotArea a, int y) {
        long n = 0;
        for (int x = (int) a.x() + 1; x < (int) a.right(); x++) {
            if (near(img.getPixelReader().getColor(x, y), colour) || near(img.getPixelReader().getColor(x, y + 1), colour)) n++;
        }
        return n;
    }

    @Test
    void theMmuCaptionSaysItCoversAllCyclesOfTheSelection(FxRobot robot) {
        GcTraceModel model = GcTraceViewsFixture.model(cycles);
        show(robot, stage, new MmuView(model), false);
        assertTrue(robot.lookup(".section-title").queryAs(Label.class).getText().contains("all cycles of the selection"));
    }
}
