package dev.gcscope.ui.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gcscope.render.timeline.TimelineCycles;
import dev.gcscope.render.timeline.StackedBarsLayer;
import dev.gcscope.parsers.gctrace.GcColumns;
import dev.gcscope.ui.Theme;
import dev.gcscope.render.plot.PlotArea;
import dev.gcscope.render.plot.StwSeries;
import dev.gcscope.ui.gctrace.GcTraceData;
import dev.gcscope.render.plot.TimeRange;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** What the pause timeline draws, read back from its pixels: spikes among a million cycles, regime colours. */
@ExtendWith(ApplicationExtension.class)
class TimelineRenderingTest {
    private static final int N = 1_000_000;
    private static final int SPIKE = 612_345;
    private static final double SPIKE_MS = 100;

    private final StackPane root = new StackPane();

    @Start
    void start(Stage stage) {
        Theme.apply(root, false);
        stage.setScene(new Scene(root, 1000, 500));
        // the test stage is shared: a test before this one may have given it a size of its own
        stage.sizeToScene();
        stage.show();
    }

    /** A million 0.1 ms pauses, one of 100 ms, in one regime; cycles 0.05 s apart. */
    private static TimelineCycles millionCycles() {
        double[] start = new double[N];
        double[] sweep = new double[N];
        double[] markTerm = new double[N];
        boolean[] forced = new boolean[N];
        int[] run = new int[N];
        int[] gc = new int[N];
        Random rnd = new Random(3);
        for (int i = 0; i < N; i++) {
            start[i] = i * 0.05;
            sweep[i] = 0.02 + rnd.nextDouble() * 0.03;
            markTerm[i] = 0.1 - sweep[i];
            run[i] = 1;
            gc[i] = i + 1;
        }
        sweep[SPIKE] = 40;
        markTerm[SPIKE] = SPIKE_MS - 40;
        StwSeries layout = StwSeries.of(start, new double[N], forced, run, gc);
        return TimelineCycles.of(layout, Map.of(GcColumns.SWEEP_TERM_MS, sweep, GcColumns.MARK_TERM_MS, markTerm),
                new int[N], List.of("steady"), null);
    }

    private StackedTimelineChart showPause(FxRobot robot, TimelineCycles cycles) {
        StackedTimelineChart chart = TimelineViews.pauseChart(cycles);
        robot.interact(() -> root.getChildren().setAll(chart));
        LayoutWait.laidOut(chart);
        return chart;
    }

    private static PixelReader snapshot(FxRobot robot, StackedTimelineChart chart) {
        AtomicReference<WritableImage> image = new AtomicReference<>();
        robot.interact(() -> image.set(chart.snapshot(null, null)));
        return image.get().getPixelReader();
    }

    @Test
    void aSingleLongPauseAmongAMillionStaysVisibleAtEveryZoom(FxRobot robot) {
        TimelineCycles cycles = millionCycles();
        StackedTimelineChart chart = showPause(robot, cycles);
        double spikeX = cycles.layout().x()[SPIKE];
        double extent = cycles.layout().xMax();
        // Everything; a tenth; a thousandth; a few cycles; the spike near the left and right edges.
        List<TimeRange> views = List.of(
                new TimeRange(0, extent), new TimeRange(spikeX - extent / 20, spikeX + extent / 20),
                new TimeRange(spikeX - extent / 2000, spikeX + extent / 2000), new TimeRange(spikeX - 0.2, spikeX + 0.2),
                new TimeRange(spikeX - 0.001, spikeX + extent / 50), new TimeRange(spikeX - extent / 50, spikeX + 0.001));
        for (TimeRange v : views) {
            robot.interact(() -> chart.viewportProperty().set(v));
            LayoutWait.laidOut(chart);
            PlotArea area = chart.plotArea().orElseThrow();
            assertEquals(SPIKE_MS, area.yScale().dataMax(), SPIKE_MS * 0.25, "the pause sets the y range at " + v);
            double px = area.xScale().toPixel(spikeX);
            PixelReader pixels = snapshot(robot, chart);
            Color background = (Color) chart.plotFill();
            // The spike's column is filled from near its top (100 ms) down to the axis.
            double top = area.yScale().toPixel(SPIKE_MS);
            for (double y = top + 3; y < area.bottom() - 2; y += 5) {
                int column = (int) Math.min(px, area.right() - 1);
                assertFalse(near(pixels.getColor(column, (int) y), background),
                        "spike drawn at " + v + ", x=" + column + ", y=" + y + ": " + pixels.getColor(column, (int) y));
            }
            // Nothing else reaches half as high.
            for (double x = area.x() + 2; x < area.right() - 2; x += 3) {
                if (Math.abs(x - px) < 16) continue;
                Color c = pixels.getColor((int) x, (int) area.yScale().toPixel(SPIKE_MS / 2));
                assertFalse(near(c, chart.regimeColour(0)), "no other tall bar at x=" + x + " in " + v);
            }
        }
    }

    @Test
    void theLongestPauseOfARealRecordingIsDrawnToItsHeight(FxRobot robot) throws Exception {
        GcTraceData data = TimelineInteractionTest.load("gctrace/go1.24-phases-pacer-scav.log");
        TimelineCycles cycles = data.timelineCycles();
        StackedTimelineChart chart = showPause(robot, cycles);
        // Its own STW column, not the chart's sum of phases.
        double[] stw = data.cycles().doubleColumn(GcColumns.STW_MS).asDoubleArray();
        int longest = 0;
        for (int i = 1; i < stw.length; i++) if (stw[i] > stw[longest]) longest = i;
        for (TimeRange v : List.of(chart.shownRange(), new TimeRange(cycles.layout().x()[longest] - 0.01,
                cycles.layout().x()[longest] + chart.shownRange().length() / 3))) {
            robot.interact(() -> chart.viewportProperty().set(v));
            LayoutWait.laidOut(chart);
            PlotArea area = chart.plotArea().orElseThrow();
            PixelReader pixels = snapshot(robot, chart);
            int px = (int) area.xScale().toPixel(cycles.layout().x()[longest]);
            int top = (int) Math.ceil(area.yScale().toPixel(stw[longest]));
            assertFalse(near(pixels.getColor(px, top + 1), (Color) chart.plotFill()), "top of gc " + cycles.layout().gc(longest));
            assertTrue(near(pixels.getColor(px, top - 4), (Color) chart.plotFill())
                    || near(pixels.getColor(px, top - 4), (Color) chart.gridStroke()), "and no higher");
        }
    }

    @Test
    void barsTakeTheirRegimesColourAndAHighlightDimsTheOthers(FxRobot robot) {
        int n = 20;
        double[] start = new double[n];
        double[] sweep = new double[n];
        double[] markTerm = new double[n];
        int[] regime = new int[n];
        int[] run = new int[n];
        int[] gc = new int[n];
        for (int i = 0; i < n; i++) {
            start[i] = i;
            sweep[i] = 4 + i % 3;
            markTerm[i] = 1;
            regime[i] = i % 2;
            run[i] = 1;
            gc[i] = i + 1;
        }
        regime[7] = -1;
        TimelineCycles cycles = TimelineCycles.of(StwSeries.of(start, new double[n], new boolean[n], run, gc),
                Map.of(GcColumns.SWEEP_TERM_MS, sweep, GcColumns.MARK_TERM_MS, markTerm), regime, List.of("a", "b"), null);
        StackedTimelineChart chart = showPause(robot, cycles);
        assertEquals(Color.web("#3b6fb6"), chart.regimeColour(0), "the light palette's -gc-regime-0 reached the canvas");
        assertEquals(Color.web("#3f9a54"), chart.regimeColour(1));

        PixelReader pixels = snapshot(robot, chart);
        PlotArea area = chart.plotArea().orElseThrow();
        // Low in each bar (off the grid lines, which show through a faint bar) is its first phase,
        // drawn in the regime's own colour.
        for (int i : new int[] {4, 5, 7}) {
            Color c = pixelOf(pixels, area, start[i], 1.3);
            Color want = regime[i] < 0 ? (Color) chart.regimeColour(-1) : (Color) chart.regimeColour(regime[i]);
            assertTrue(near(c, want), "cycle " + i + " in regime " + regime[i] + ": " + c + " want " + want);
        }

        robot.interact(() -> chart.highlightedRegimeProperty().set(1));
        LayoutWait.laidOut(chart);
        pixels = snapshot(robot, chart);
        Color background = (Color) chart.plotFill();
        Color highlighted = pixelOf(pixels, area, start[5], 1.3);
        Color dimmed = pixelOf(pixels, area, start[4], 1.3);
        assertTrue(near(highlighted, (Color) chart.regimeColour(1)), "regime 1 keeps its colour: " + highlighted);
        Color faint = ((Color) chart.regimeColour(0)).interpolate(background, 1 - StackedBarsLayer.DIMMED_OPACITY);
        assertTrue(near(dimmed, faint), "regime 0 is drawn faint: " + dimmed + " want " + faint);
    }

    private static Color pixelOf(PixelReader pixels, PlotArea area, double x, double yMs) {
        return pixels.getColor((int) Math.round(area.xScale().toPixel(x)), (int) area.yScale().toPixel(yMs));
    }

    private static boolean near(Color c, Paint want) {
        Color w = (Color) want;
        return Math.abs(c.getRed() - w.getRed()) < 0.05 && Math.abs(c.getGreen() - w.getGreen()) < 0.05
                && Math.abs(c.getBlue() - w.getBlue()) < 0.05;
    }
}
