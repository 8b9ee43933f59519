package dev.gcscope.ui.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gcscope.render.timeline.HighlightBandLayer;
import dev.gcscope.parsers.gctrace.GcColumns;
import dev.gcscope.samples.SampleTraces;
import dev.gcscope.ui.Theme;
import dev.gcscope.render.plot.HoverPoint;
import dev.gcscope.render.plot.PlotArea;
import dev.gcscope.ui.gctrace.GcTraceData;
import dev.gcscope.ui.gctrace.GcTraceModel;
import dev.gcscope.ui.task.SynchronousRunner;
import dev.gcscope.ui.view.TraceView;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The heap and GC CPU timelines emphasise the highlighted regime's cycles (read back from their
 * pixels on a real recording), and the heap readout's ring sits on the line nearest the pointer.
 */
@ExtendWith(ApplicationExtension.class)
class TimelineHighlightTest {
    private static final List<String> HEAP_COLUMNS = List.of(GcColumns.HEAP_START_MB, GcColumns.HEAP_END_MB,
            GcColumns.HEAP_LIVE_MB, GcColumns.HEAP_GOAL_MB, GcColumns.STACKS_MB, GcColumns.GLOBALS_MB);
    private final VBox root = new VBox();

    @Start
    void start(Stage stage) {
        Theme.apply(root, false);
        stage.setScene(new Scene(root, 1180, 760));
        // the test stage is shared: a test before this one may have given it a size of its own
        stage.sizeToScene();
        stage.show();
    }

    private List<TimelineChart> showHeapAndCpu(FxRobot robot, GcTraceModel model) {
        List<TraceView> views = TimelineViews.create(model);
        List<TimelineChart> charts = new java.util.ArrayList<>();
        robot.interact(() -> {
            root.getChildren().clear();
            for (TraceView v : views.subList(1, 3)) {
                VBox.setVgrow(v.root(), Priority.ALWAYS);
                root.getChildren().add(v.root());
                charts.addAll(((TimelineView) v).charts());
            }
        });
        LayoutWait.laidOut(charts.toArray(TimelineChart[]::new));
        return charts;
    }

    private static PixelReader snapshot(FxRobot robot, TimelineChart chart) {
        AtomicReference<WritableImage> image = new AtomicReference<>();
        robot.interact(() -> image.set(chart.snapshot(null, null)));
        return image.get().getPixelReader();
    }

    /** The regime with the most cycles that does not own every cycle (so there are columns outside it). */
    private static int busiestPartialRegime(int[] regimeOfRow) {
        int k = 0;
        for (int r : regimeOfRow) k = Math.max(k, r + 1);
        int[] counts = new int[k];
        for (int r : regimeOfRow) if (r >= 0) counts[r]++;
        int best = -1;
        for (int r = 0; r < k; r++) {
            if (counts[r] < regimeOfRow.length && (best < 0 || counts[r] > counts[best])) best = r;
        }
        return best;
    }

    @Test
    void highlightingARegimeTintsTheColumnsOfItsCyclesOnTheHeapAndCpuTimelines(FxRobot robot) throws Exception {
        GcTraceData data = TimelineInteractionTest.load(SampleTraces.DEFAULT_GCTRACE);
        GcTraceModel model = new GcTraceModel(data, null, new SynchronousRunner());
        int regime = busiestPartialRegime(data.regimeOfRow());
        assertTrue(regime >= 0, "the sample has a regime that is not the whole trace");
        List<TimelineChart> charts = showHeapAndCpu(robot, model);
        assertEquals(3, charts.size(), "heap, mark CPU, GC CPU share");
        double[] x = data.layout().x();
        int[] r = data.regimeOfRow();

        PixelReader[] before = new PixelReader[charts.size()];
        for (int c = 0; c < charts.size(); c++) before[c] = snapshot(robot, charts.get(c));
        robot.interact(() -> model.highlightedRegimeProperty().set(regime));
        LayoutWait.laidOut(charts.toArray(TimelineChart[]::new));

        for (int c = 0; c < charts.size(); c++) {
            TimelineChart chart = charts.get(c);
            PlotArea area = chart.plotArea().orElseThrow();
            PixelReader after = snapshot(robot, chart);
            // A column is the regime's when every cycle in it and its neighbours is; another regime's when none is.
            int columns = (int) area.width();
            int[] mine = new int[columns];
            int[] others = new int[columns];
            for (int i = 0; i < x.length; i++) {
                int col = (int) Math.floor(area.xScale().toPixel(x[i]) - area.x());
                for (int d = -2; d <= 2; d++) {
                    if (col + d < 0 || col + d >= columns) continue;
                    if (r[i] == regime) mine[col + d]++;
                    else others[col + d]++;
                }
            }
            int changedMine = 0, checkedMine = 0, changedOthers = 0, checkedOthers = 0;
            for (int col = 0; col < columns; col++) {
                boolean changed = changed(before[c], after, area, col);
                if (mine[col] > 0 && others[col] == 0) {
                    checkedMine++;
                    if (changed) changedMine++;
                } else if (others[col] > 0 && mine[col] == 0 && between(x, r, regime, area, col)) {
                    checkedOthers++;
                    if (changed) changedOthers++;
                }
            }
            String name = chart.getId();
            assertTrue(checkedMine > 0 && checkedOthers > 0, name + ": columns of both kinds exist");
            assertEquals(checkedMine, changedMine, name + ": every column of the regime's cycles is tinted");
            assertEquals(0, changedOthers, name + ": no column away from them is");
            // Tinted with the regime's colour: plain background became background blended towards it.
            Color want = (Color) chart.regimeBandColour(regime);
            Color bg = (Color) chart.plotFill();
            Color expected = bg.interpolate(want, HighlightBandLayer.OPACITY);
            int compared = 0;
            for (int col = 0; col < columns && compared < 50; col++) {
                if (mine[col] == 0 || others[col] != 0) continue;
                int px = (int) area.x() + col;
                for (int y = (int) area.y() + 1; y < area.bottom() - 1; y += 7) {
                    if (!before[c].getColor(px, y).equals(bg)) continue;
                    Color got = after.getColor(px, y);
                    assertEquals(expected.getRed(), got.getRed(), 0.03, name + " " + px + "," + y + ": " + got);
                    assertEquals(expected.getGreen(), got.getGreen(), 0.03, name + " " + px + "," + y + ": " + got);
                    assertEquals(expected.getBlue(), got.getBlue(), 0.03, name + " " + px + "," + y + ": " + got);
                    compared++;
                }
            }
            assertTrue(compared > 0, name + ": background pixels in the band");
        }

        // Un-highlighting takes the band away again.
        robot.interact(() -> model.highlightedRegimeProperty().set(-1));
        LayoutWait.laidOut(charts.toArray(TimelineChart[]::new));
        TimelineChart heap = charts.get(0);
        PixelReader cleared = snapshot(robot, heap);
        PlotArea area = heap.plotArea().orElseThrow();
        for (int col = 0; col < (int) area.width(); col++) assertFalse(changed(before[0], cleared, area, col), "column " + col);
    }

    /** Whether any pixel of plot column {@code col} differs between the two images. */
    private static boolean changed(PixelReader a, PixelReader b, PlotArea area, int col) {
        int px = (int) area.x() + col;
        for (int y = (int) area.y() + 1; y < (int) area.bottom() - 1; y++) {
            if (!a.getColor(px, y).equals(b.getColor(px, y))) return true;
        }
        return false;
    }

    /**
     * Whether column {@code col} lies strictly between two other-regime cycles with no cycle of
     * {@code regime} between them: a band reaching halfway to a neighbour can never cover it.
     */
    private static boolean between(double[] x, int[] r, int regime, PlotArea area, int col) {
        double value = area.xScale().toValue(area.x() + col + 0.5);
        int i = 0;
        while (i < x.length && x[i] <= value) i++;
        if (i == 0 || i == x.length) return false;
        // the cycles either side and their neighbours are all of other regimes
        for (int k = Math.max(0, i - 2); k <= Math.min(x.length - 1, i + 1); k++) if (r[k] == regime) return false;
        return true;
    }

    @Test
    void theGcCpuChartsShareOneTitledTimeAxisAndLineUp(FxRobot robot) throws Exception {
        GcTraceData data = TimelineInteractionTest.load(SampleTraces.DEFAULT_GCTRACE);
        List<TimelineChart> charts = showHeapAndCpu(robot, new GcTraceModel(data, null, new SynchronousRunner()));
        TimelineChart cpu = charts.get(1), share = charts.get(2);
        assertEquals("cpu-share-timeline-chart", share.getId());
        assertFalse(cpu.xAxis().title().isEmpty(), "the upper chart names the time axis");
        assertEquals("", share.xAxis().title(), "the share chart under it does not repeat it");
        PlotArea a = cpu.plotArea().orElseThrow(), b = share.plotArea().orElseThrow();
        assertTrue(cpu.naturalPlotLeftProperty().get() != share.naturalPlotLeftProperty().get(),
                "their y labels differ in width");
        assertEquals(a.x(), b.x(), 0, "yet their plots start at the same x");
        assertEquals(a.width(), b.width(), 0);
    }

    @Test
    void theHeapReadoutRingSitsOnTheLineNearestThePointer(FxRobot robot) throws Exception {
        GcTraceData data = TimelineInteractionTest.load(SampleTraces.DEFAULT_GCTRACE);
        GcTraceModel model = new GcTraceModel(data, null, new SynchronousRunner());
        TimelineChart heap = showHeapAndCpu(robot, model).get(0);
        PlotArea area = heap.plotArea().orElseThrow();
        int row = data.size() / 2;
        double px = area.xScale().toPixel(data.layout().x()[row]);
        double live = data.cycles().intColumn(GcColumns.HEAP_LIVE_MB).getInt(row);
        double goal = data.cycles().intColumn(GcColumns.HEAP_GOAL_MB).getInt(row);
        assertTrue(goal > live, "the goal is above the live heap");
        // On the live heap line, well below the goal: the ring belongs on the line nearest the pointer.
        for (double value : new double[] {live, goal}) {
            double py = area.yScale().toPixel(value);
            HoverPoint p = heap.pick(px, py, area).orElseThrow();
            int picked = p.index();
            assertTrue(Math.abs(picked - row) < 20, "a cycle under the pointer");
            double nearest = Double.NaN, highest = Double.NaN;
            for (String column : HEAP_COLUMNS) {
                if (!data.cycles().columnNames().contains(column) || data.cycles().column(column).isMissing(picked)) continue;
                double v = ((Number) data.cycles().column(column).get(picked)).doubleValue();
                if (Double.isNaN(nearest) || Math.abs(v - value) < Math.abs(nearest - value)) nearest = v;
                if (Double.isNaN(highest) || v > highest) highest = v;
            }
            assertEquals(area.yScale().toPixel(nearest), p.py(), 0.5, "ring on the line nearest the pointer at " + value + " MB");
            if (value == live) assertTrue(highest - nearest > 1, "and not on the highest line");
        }
    }
}
