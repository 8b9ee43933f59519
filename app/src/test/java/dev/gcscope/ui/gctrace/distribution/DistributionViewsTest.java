package dev.gcscope.ui.gctrace.distribution;

import static dev.gcscope.ui.gctrace.GcTraceViewsFixture.countPixels;
import static dev.gcscope.ui.gctrace.GcTraceViewsFixture.r7;
import static dev.gcscope.ui.gctrace.GcTraceViewsFixture.show;
import static dev.gcscope.ui.gctrace.GcTraceViewsFixture.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gcscope.render.distribution.PauseHistogram;
import dev.gcscope.analysis.CycleRangeAnalysis;
import dev.gcscope.analysis.stats.Convergence;
import dev.gcscope.analysis.stats.PercentileInterval;
import dev.gcscope.parsers.gctrace.GcColumns;
import dev.gcscope.samples.SampleTraces;
import dev.gcscope.render.plot.PlotArea;
import dev.gcscope.ui.LayoutPass;
import dev.gcscope.ui.gctrace.GcTraceModel;
import dev.gcscope.ui.gctrace.GcTraceViewsFixture;
import dev.gcscope.render.plot.TimeRange;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
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
 * The histogram, percentile table and convergence views on a real recording (headless Monocle,
 * synchronous runner), checked against figures computed here from the raw pauses.
 */
@ExtendWith(ApplicationExtension.class)
class DistributionViewsTest {
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

    private static String ms(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    /** Counts of each bin, by testing every pause against the bin edges. */
    private static long[] naiveCounts(double[] values, double[] edges) {
        long[] c = new long[edges.length - 1];
        for (double v : values) {
            for (int i = 0; i < c.length; i++) if (v >= edges[i] && v < edges[i + 1]) c[i]++;
        }
        return c;
    }

    @Test
    void histogramBinsHoldEveryPauseAndTheReadoutNamesTheBin(FxRobot robot) {
        GcTraceModel model = GcTraceViewsFixture.model(cycles);
        StwHistogramView view = new StwHistogramView(model);
        show(robot, stage, view, false);

        PauseHistogram h = view.chart().histogramProperty().get();
        long pauses = Arrays.stream(stw).filter(v -> !Double.isNaN(v)).count();
        assertEquals(pauses, h.bins().total() + h.bins().zeroCount());
        assertTrue(Arrays.equals(naiveCounts(stw, h.bins().edges()), h.bins().counts()));
        assertEquals(3, h.fits().size(), "exponential, log-normal, truncated exponential");
        assertEquals(List.of("P50", "P90", "P99", "P99.9"), h.markers().stream().map(PauseHistogram.Marker::label).toList());
        assertEquals(r7(stw, 99), h.markers().get(2).ms(), 1e-12);

        // hover the tallest bar
        int tallest = 0;
        for (int i = 0; i < h.bins().bins(); i++) if (h.bins().counts()[i] > h.bins().counts()[tallest]) tallest = i;
        PlotArea a = view.chart().plotArea().orElseThrow();
        double[] e = h.bins().edges();
        double px = a.xScale().toPixel((Math.log10(e[tallest]) + Math.log10(e[tallest + 1])) / 2);
        robot.interact(() -> view.chart().hover(px, a.bottom() - 3));
        String readout = view.chart().readout().getText();
        assertTrue(view.chart().readout().isVisible());
        assertTrue(readout.startsWith(String.format(Locale.ROOT, "%.4f – %.4f ms%n%,d pauses", e[tallest], e[tallest + 1],
                h.bins().counts()[tallest])), readout);

        Color bar = (Color) view.chart().barFill();
        assertTrue(countPixels(snapshot(robot, view.chart()), bar, 0, 2000) > 2000, "the bars are drawn");
        Label verdict = robot.lookup("#stw-histogram-verdict").queryAs(Label.class);
        assertTrue(verdict.getText().contains("KS"), verdict.getText());
        assertEquals(4, robot.lookup("#stw-histogram-legend").queryParent().getChildrenUnmodifiable().size(), "pauses and 3 models");
    }

    @Test
    void percentileCellsAreTheR7PercentilesWithTheirIntervalsAndCopyAsTsv(FxRobot robot) {
        GcTraceModel model = GcTraceViewsFixture.model(cycles);
        PercentileTableView view = new PercentileTableView(model);
        show(robot, stage, view, false);
        CycleRangeAnalysis stats = model.statisticsProperty().get();

        List<List<String>> rows = view.pauseTable().getItems();
        double[] ps = {50, 90, 99, 99.9};
        PercentileInterval.Estimate[] ci = {stats.pauses().p50(), stats.pauses().p90(), stats.pauses().p99(), stats.pauses().p999()};
        for (int i = 0; i < ps.length; i++) {
            assertEquals(ms(r7(stw, ps[i])), rows.get(i).get(1), "P" + ps[i]);
            assertEquals(ci[i].hasLow() ? ms(ci[i].low()) : "< min", rows.get(i).get(2));
            // too few pauses for an upper end says so rather than quoting the maximum
            assertEquals(ci[i].hasHigh() ? ms(ci[i].high()) : "> max", rows.get(i).get(3));
            // open where the pauses are too few: at least as many as independent ones would need
            // (P99.9 3,688), times how much alike neighbouring pauses are
            if (!ci[i].hasHigh()) {
                assertTrue(ci[i].cyclesForBounds() > stats.pauses().count(), "P" + ps[i] + ": " + ci[i]);
                assertTrue(ci[i].cyclesForBounds() >= PercentileInterval.cyclesForBounds(ps[i] / 100, 0.95), "P" + ps[i] + ": " + ci[i]);
            }
            if (ps[i] == 99.9 && stats.pauses().count() < 3688) assertFalse(ci[i].hasHigh(), ci[i].toString());
            assertTrue(ci[i].low() <= r7(stw, ps[i]) && r7(stw, ps[i]) <= ci[i].high(), "the estimate lies in its interval");
        }
        assertEquals(ms(Arrays.stream(stw).filter(v -> !Double.isNaN(v)).max().orElseThrow()), rows.get(4).get(1));
        assertEquals(String.format(Locale.ROOT, "%.2f×", r7(stw, 99) / r7(stw, 50)), rows.get(5).get(1));

        // per regime: R-7 of its unforced cycles' pauses
        int[] regimeOfRow = model.data().regimeOfRow();
        BooleanColumn forced = cycles.booleanColumn(GcColumns.FORCED);
        List<List<String>> regimeRows = view.regimeTable().getItems();
        assertFalse(regimeRows.isEmpty());
        for (List<String> row : regimeRows) {
            int r = Integer.parseInt(row.get(0));
            List<Double> mine = new ArrayList<>();
            for (int i = 0; i < stw.length; i++) if (regimeOfRow[i] == r && !forced.get(i) && !Double.isNaN(stw[i])) mine.add(stw[i]);
            double[] v = mine.stream().mapToDouble(Double::doubleValue).toArray();
            assertEquals(String.format(Locale.ROOT, "%,d", v.length), row.get(2));
            assertEquals(ms(r7(v, 50)), row.get(3));
            assertEquals(ms(r7(v, 99)), row.get(4));
            assertEquals(ms(Arrays.stream(v).max().orElseThrow()), row.get(5));
        }
        String caption = robot.lookup("#percentile-caption").queryAs(Label.class).getText();
        assertTrue(caption.contains("order statistics"), caption);
        if (!ci[3].hasHigh()) assertTrue(caption.contains(String.format(Locale.ROOT, "P99.9 %,d", ci[3].cyclesForBounds())), caption);
        assertTrue(caption.contains(String.format(Locale.ROOT, "×%s for P50", dev.gcscope.format.PlainNumbers.rounded(ci[0].inflation(), 1))),
                caption);

        // the regime rows and the highlighted regime follow each other
        int second = Integer.parseInt(regimeRows.get(1).get(0));
        robot.interact(() -> model.highlightedRegimeProperty().set(second));
        assertEquals(regimeRows.get(1), view.regimeTable().getSelectionModel().getSelectedItem());
        robot.interact(() -> view.regimeTable().getSelectionModel().select(0));
        assertEquals(Integer.parseInt(regimeRows.get(0).get(0)), model.highlightedRegimeProperty().get());

        robot.clickOn("#percentile-table");
        robot.press(KeyCode.CONTROL, KeyCode.C).release(KeyCode.C, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        AtomicReference<String> copied = new AtomicReference<>();
        robot.interact(() -> copied.set(Clipboard.getSystemClipboard().getString()));
        String[] lines = copied.get().split("\n");
        assertEquals("statistic\tvalue (ms)\t95% CI low (ms)\t95% CI high (ms)", lines[0]);
        assertEquals(String.join("\t", "P50", ms(r7(stw, 50)), ms(ci[0].low()), ms(ci[0].high())), lines[1]);
        assertEquals(7, lines.length, "header and six rows");
    }

    @Test
    void convergenceMarksStabilityWhereItBeginsAndTheSloFollowsTheSpinner(FxRobot robot) throws Exception {
        // a steady program's recording: its median settles before the end (in the phase recordings the
        // phases keep moving it, and allowing for that its interval never comes within 10%)
        Table longer = GcTraceViewsFixture.cycles("steady/go1.19-steady.log");
        double[] stw = longer.doubleColumn(GcColumns.STW_MS).asDoubleArray();
        GcTraceModel model = GcTraceViewsFixture.model(longer);
        ConvergenceView view = new ConvergenceView(model);
        show(robot, stage, view, false);
        Convergence.Result r = model.statisticsProperty().get().convergence();
        assertTrue(r.stableAfterP50() > 0, "this sample's median settles");

        // independently of the chart's scale: the x axis spans log10 of the first to the last checkpoint
        PlotArea a = view.chart().plotArea().orElseThrow();
        double lo = Math.log10(r.points().get(0).cycles()), hi = Math.log10(r.points().get(r.points().size() - 1).cycles());
        int x = (int) Math.floor(a.x() + (Math.log10(r.stableAfterP50()) - lo) / (hi - lo) * a.width());
        Color stable = Color.web("#2b8a3e");
        var image = snapshot(robot, view.chart());
        long inColumn = countPixels(image, stable, x - 1, x + 2);
        assertTrue(inColumn > a.height() * 0.3, "the dashed marker runs down column " + x + ": " + inColumn);
        assertTrue(countPixels(image, stable, x - 40, x - 10) < inColumn / 4, "and not elsewhere");
        assertTrue(robot.lookup("#convergence-stability").queryAs(Label.class).getText()
                .contains(String.format(Locale.ROOT, "P50 stable after %,d cycles", r.stableAfterP50())));

        double before = model.sloMsProperty().get();
        robot.interact(() -> view.sloSpinner().increment(2));
        double slo = model.sloMsProperty().get();
        assertEquals(before + 0.1, slo, 1e-9, "two steps of 0.05 ms");
        int best = 0, run = 0, above = 0, known = 0;
        for (double v : stw) {
            if (Double.isNaN(v)) continue;
            known++;
            if (v < slo) best = Math.max(best, ++run);
            else {
                above++;
                run = 0;
            }
        }
        String streak = robot.lookup("#slo-streak").queryAs(Label.class).getText();
        assertTrue(streak.startsWith(String.format(Locale.ROOT, "Longest run under %.3f ms: %,d consecutive cycles", slo, best)), streak);
        assertTrue(streak.contains(String.format(Locale.ROOT, "%,d of %,d cycles", above, known)), streak);

        // dragging the SLO line up sets a larger threshold when released
        LayoutPass.run(robot, view.chart());
        PlotArea area = view.chart().plotArea().orElseThrow();
        double lineY = area.yScale().toPixel(Math.log10(slo));
        Point2D from = view.chart().localToScreen(area.x() + area.width() / 3, lineY);
        Point2D to = view.chart().localToScreen(area.x() + area.width() / 3, lineY - 60);
        robot.drag(from).dropTo(to);
        WaitForAsyncUtils.waitForFxEvents();
        double dragged = model.sloMsProperty().get();
        double expected = Math.pow(10, area.yScale().toValue(lineY - 60));
        assertEquals(expected, dragged, expected * 0.05, "the threshold under the pointer where it was released");
        assertEquals(dragged, view.sloSpinner().getValue(), 1e-12, "the spinner follows");
    }

    @Test
    void aNewSelectionUpdatesEveryView(FxRobot robot) {
        GcTraceModel model = GcTraceViewsFixture.model(cycles);
        StwHistogramView hist = new StwHistogramView(model);
        PercentileTableView table = new PercentileTableView(model);
        ConvergenceView conv = new ConvergenceView(model);
        show(robot, stage, conv, false);
        double[] x = model.data().layout().x();
        robot.interact(() -> model.selectionProperty().set(new TimeRange(x[200], x[499])));
        double[] slice = Arrays.copyOfRange(stw, 200, 500);
        long n = Arrays.stream(slice).filter(v -> !Double.isNaN(v)).count();

        PauseHistogram h = hist.chart().histogramProperty().get();
        assertEquals(n, h.bins().total() + h.bins().zeroCount());
        assertTrue(Arrays.equals(naiveCounts(slice, h.bins().edges()), h.bins().counts()));
        assertEquals(ms(r7(slice, 50)), table.pauseTable().getItems().get(0).get(1));
        assertNotEquals(ms(r7(stw, 50)), ms(r7(slice, 50)), "the selection differs from the whole trace");
        List<Convergence.Point> pts = conv.chart().convergenceProperty().get().points();
        assertEquals(n, pts.get(pts.size() - 1).cycles(), "the running percentiles end at the selection's size");
    }
}
