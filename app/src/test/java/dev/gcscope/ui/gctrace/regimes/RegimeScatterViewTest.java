package dev.gcscope.ui.gctrace.regimes;

import static dev.gcscope.ui.gctrace.GcTraceViewsFixture.countPixels;
import static dev.gcscope.ui.gctrace.GcTraceViewsFixture.show;
import static dev.gcscope.ui.gctrace.GcTraceViewsFixture.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gcscope.render.regimes.ScatterData;
import dev.gcscope.analysis.regime.Regime;
import dev.gcscope.analysis.regime.RegimeScatterPoints;
import dev.gcscope.samples.SampleTraces;
import dev.gcscope.render.plot.PlotArea;
import dev.gcscope.ui.gctrace.GcTraceModel;
import dev.gcscope.ui.gctrace.GcTraceViewsFixture;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import tech.tablesaw.api.Table;

/** The regime scatter on a real recording with three regimes: placing, binning and clicking. */
@ExtendWith(ApplicationExtension.class)
class RegimeScatterViewTest {
    private static Table cycles;
    private Stage stage;

    @BeforeAll
    static void load() throws Exception {
        cycles = GcTraceViewsFixture.cycles(SampleTraces.DEFAULT_GCTRACE);
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void gridCountsEveryPlacedCycleOnceUnderItsRegime() {
        GcTraceModel model = GcTraceViewsFixture.model(cycles);
        RegimeScatterPoints p = RegimeScatterPoints.of(cycles);
        int[] regimeOfRow = model.data().regimeOfRow();
        int k = model.data().analysis().regimes().regimes().size();
        RegimeScatterPoints.Grid g = p.bin(regimeOfRow, k, 0, cycles.rowCount(), 50, 30);
        int[] perRegime = new int[k + 1];
        int placed = 0;
        for (int i = 0; i < cycles.rowCount(); i++) {
            if (Float.isNaN(p.log10Rate()[i])) continue;
            placed++;
            perRegime[regimeOfRow[i] < 0 ? k : regimeOfRow[i]]++;
            assertTrue(p.survival()[i] >= 0 && p.survival()[i] <= 1.0001, "survival is a share: " + p.survival()[i]);
        }
        assertEquals(placed, g.placed());
        for (int r = 0; r <= k; r++) {
            int sum = 0;
            for (int cell : g.counts()[r]) sum += cell;
            assertEquals(perRegime[r], sum, "regime " + r);
        }
        assertTrue(placed > cycles.rowCount() * 0.9, "nearly every cycle has figures: " + placed);
    }

    @Test
    void clickingARegimeHighlightsItAndClickingAgainOrEmptySpaceClears(FxRobot robot) {
        GcTraceModel model = GcTraceViewsFixture.model(cycles);
        RegimeScatterView view = new RegimeScatterView(model);
        show(robot, stage, view, false);
        RegimeScatterChart chart = view.chart();
        PlotArea a = chart.plotArea().orElseThrow();
        List<Regime> regimes = model.data().analysis().regimes().regimes();
        assertTrue(regimes.size() >= 2, "the phased sample has regimes");
        Regime biggest = regimes.stream().max((x, y) -> Integer.compare(x.cycles(), y.cycles())).orElseThrow();

        Color colour = (Color) chart.regimePaint(biggest.id());
        long before = countPixels(snapshot(robot, chart), colour, 0, 4000);
        assertTrue(before > 200, "its dots are drawn: " + before);

        double[] ring = RegimeScatterChart.ringCentre(a, biggest);
        robot.clickOn(chart.localToScreen(ring[0], ring[1]));
        assertEquals(biggest.id(), model.highlightedRegimeProperty().get());
        assertTrue(view.legend().lookup("#regime-legend-" + biggest.id()).getStyleClass().contains("regime-highlighted"));

        // another regime highlighted: the biggest one's dots fade
        Regime other = regimes.stream().filter(r -> r.id() != biggest.id()).findFirst().orElseThrow();
        robot.clickOn("#regime-legend-" + other.id());
        assertEquals(other.id(), model.highlightedRegimeProperty().get());
        long faded = countPixels(snapshot(robot, chart), colour, 0, 4000);
        assertTrue(faded < before / 3, "faded: " + faded + " of " + before);

        robot.clickOn("#regime-legend-" + other.id());
        assertEquals(-1, model.highlightedRegimeProperty().get(), "a second click clears");

        robot.clickOn(chart.localToScreen(ring[0], ring[1]));
        assertEquals(biggest.id(), model.highlightedRegimeProperty().get());
        Point2D empty = emptySpot(chart, a);
        robot.clickOn(chart.localToScreen(empty));
        assertEquals(-1, model.highlightedRegimeProperty().get(), "a click on empty space clears");

        // a dot (not the ring) selects its regime too
        robot.interact(() -> model.highlightedRegimeProperty().set(-1));
        float[] x = chart.dataProperty().get().points().log10Rate(), y = chart.dataProperty().get().points().survival();
        int row = -1;
        for (int i = 0; i < x.length && row < 0; i++) {
            if (Float.isNaN(x[i]) || model.data().regimeOfRow()[i] < 0) continue;
            double px = a.xScale().toPixel(x[i]), py = a.yScale().toPixel(y[i]);
            boolean nearRing = false;
            for (Regime r : regimes) {
                double[] c = RegimeScatterChart.ringCentre(a, r);
                nearRing |= c != null && Math.hypot(c[0] - px, c[1] - py) < 30;
            }
            if (!nearRing && chart.regimeAt(px, py) == model.data().regimeOfRow()[i]) row = i;
        }
        assertTrue(row >= 0);
        robot.clickOn(chart.localToScreen(a.xScale().toPixel(x[row]), a.yScale().toPixel(y[row])));
        assertEquals(model.data().regimeOfRow()[row], model.highlightedRegimeProperty().get());
    }

    private static Point2D emptySpot(RegimeScatterChart chart, PlotArea a) {
        for (double px = a.x() + 15; px < a.right(); px += 10) {
            for (double py = a.y() + 15; py < a.bottom(); py += 10) {
                if (chart.regimeAt(px, py) < 0) return new Point2D(px, py);
            }
        }
        throw new AssertionError("no empty space in the scatter");
    }

    @Test
    void aLargeSelectionIsDrawnAndPickedByGridCells(FxRobot robot) {
        Table big = cycles.copy();
        while (big.rowCount() <= 2 * ScatterData.EXACT_LIMIT) big.append(cycles);
        GcTraceModel model = GcTraceViewsFixture.model(big);
        RegimeScatterView view = new RegimeScatterView(model);
        show(robot, stage, view, false);
        RegimeScatterChart chart = view.chart();
        ScatterData d = chart.dataProperty().get();
        assertTrue(!d.exact(), d.grid().placed() + " cycles are drawn as cells");
        PlotArea a = chart.plotArea().orElseThrow();

        // the fullest cell away from the rings (they take the pointer first), found here from the grid
        RegimeScatterPoints.Grid g = d.grid();
        RegimeScatterPoints p = d.points();
        List<Regime> regimes = model.data().analysis().regimes().regimes();
        int fullest = -1;
        double px = 0, py = 0;
        for (int c = 0; c < g.cols() * g.rows(); c++) {
            double x = a.xScale().toPixel(p.xMin() + (c % g.cols() + 0.5) * (p.xMax() - p.xMin()) / g.cols());
            double y = a.yScale().toPixel(p.yMin() + (c / g.cols() + 0.5) * (p.yMax() - p.yMin()) / g.rows());
            boolean nearRing = false;
            for (Regime r : regimes) {
                double[] ring = RegimeScatterChart.ringCentre(a, r);
                nearRing |= ring != null && Math.hypot(ring[0] - x, ring[1] - y) < 25;
            }
            if (!nearRing && (fullest < 0 || g.total(c) > g.total(fullest))) {
                fullest = c;
                px = x;
                py = y;
            }
        }
        double hx = px, hy = py;
        int cell = fullest;
        robot.interact(() -> chart.hover(hx, hy));
        assertTrue(chart.readout().getText().startsWith(String.format(java.util.Locale.ROOT, "%,d cycles near", g.total(cell))),
                chart.readout().getText());
        assertEquals(g.dominant(cell), chart.regimeAt(px, py));
        int sum = 0;
        for (int r = 0; r < g.counts().length; r++) sum += g.cyclesOf(r);
        assertEquals(g.placed(), sum);
    }
}
