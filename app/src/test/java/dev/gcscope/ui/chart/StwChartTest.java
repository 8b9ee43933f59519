package dev.gcscope.ui.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gcscope.ui.Theme;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The STW chart at a million cycles: the one long pause is drawn, and hovering finds it. */
@ExtendWith(ApplicationExtension.class)
class StwChartTest {
    private static final int N = 1_000_000;
    private static final int SPIKE = 612_345;
    private static final double SPIKE_MS = 48.125;

    private final StwChart chart = new StwChart();

    @Start
    void start(Stage stage) {
        StackPane root = new StackPane(chart);
        Theme.apply(root, false);
        stage.setScene(new Scene(root, 900, 420));
        stage.show();
    }

    private static StwSeries millionCycles() {
        double[] start = new double[N];
        double[] stw = new double[N];
        boolean[] forced = new boolean[N];
        int[] run = new int[N];
        int[] gc = new int[N];
        Random rnd = new Random(1);
        for (int i = 0; i < N; i++) {
            start[i] = i * 0.05;
            stw[i] = 0.05 + rnd.nextDouble() * 0.4;
            run[i] = 1;
            gc[i] = i + 1;
        }
        stw[SPIKE] = SPIKE_MS;
        forced[10] = true;
        return StwSeries.of(start, stw, forced, run, gc);
    }

    @Test
    void aSingleLongPauseAmongAMillionCyclesIsDrawnAndHoverable(FxRobot robot) {
        StwSeries series = millionCycles();
        robot.interact(() -> chart.seriesProperty().set(series));
        WaitForAsyncUtils.waitForFxEvents();

        PlotArea area = chart.plotArea().orElseThrow();
        double spikeX = area.xScale().toPixel(series.x()[SPIKE]);
        double spikeY = area.yScale().toPixel(SPIKE_MS);
        assertTrue(spikeY < area.y() + area.height() * 0.1, "the pause sets the y range: " + spikeY);

        AtomicReference<WritableImage> image = new AtomicReference<>();
        robot.interact(() -> image.set(chart.snapshot(null, null)));
        PixelReader px = image.get().getPixelReader();
        Color stw = (Color) chart.seriesStroke();
        // Somewhere in the top part of the spike's column the series colour must show.
        boolean found = false;
        for (int y = (int) spikeY; y < (int) (spikeY + 20) && !found; y++) {
            found = near(px.getColor((int) spikeX, y), stw);
        }
        assertTrue(found, "spike drawn at x=" + spikeX);
        // Columns far from the spike stay short: nothing else reaches a tenth of the plot's height.
        int elsewhere = (int) (spikeX - 100);
        for (int y = (int) area.y() + 2; y < (int) (area.y() + area.height() * 0.8); y++) {
            assertFalse(near(px.getColor(elsewhere, y), stw), "no tall column at x=" + elsewhere + ", y=" + y);
        }

        long redraws = chart.redrawCount();
        robot.interact(() -> chart.hover(spikeX, spikeY + 2));
        assertTrue(chart.readout().isVisible());
        assertEquals("gc " + (SPIKE + 1) + "\nstarted at " + String.format(java.util.Locale.ROOT, "%.3f", series.startS(SPIKE))
                + " s\nSTW pause 48.125 ms", chart.readout().getText());
        assertEquals(redraws, chart.redrawCount(), "hovering does not redraw the chart");

        robot.interact(() -> chart.hover(area.x() - 20, area.y() - 20));
        assertFalse(chart.readout().isVisible(), "outside the plot, no readout");
    }

    @Test
    void withoutDataThePlaceholderIsShownAndNothingIsPlotted(FxRobot robot) {
        robot.interact(() -> chart.placeholderProperty().set("Drop a trace"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(chart.plotArea().isEmpty());
    }

    private static boolean near(Color c, Color want) {
        return Math.abs(c.getRed() - want.getRed()) < 0.06 && Math.abs(c.getGreen() - want.getGreen()) < 0.06
                && Math.abs(c.getBlue() - want.getBlue()) < 0.06;
    }
}
