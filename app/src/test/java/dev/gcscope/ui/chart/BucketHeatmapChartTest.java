package dev.gcscope.ui.chart;

import dev.gcscope.render.plot.PlotArea;
import dev.gcscope.render.plot.Quantity;
import dev.gcscope.render.chart.BucketHeatmapPlot;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gcscope.ui.Theme;
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

/** A heatmap with more intervals than pixels keeps the burst of one interval visible. */
@ExtendWith(ApplicationExtension.class)
class BucketHeatmapChartTest {
    private static final int INTERVALS = 4_000;
    private static final int BUCKETS = 24;
    private static final int BURST_INTERVAL = 2_345;
    private static final int BURST_BUCKET = 11;

    private BucketHeatmapChart chart;

    @Start
    void start(Stage stage) {
        chart = new BucketHeatmapChart(); // controls need the toolkit, which the extension starts before this
        StackPane root = new StackPane(chart);
        Theme.apply(root, false);
        stage.setScene(new Scene(root, 700, 360));
        // the test stage is shared: a test before this one may have given it a size of its own
        stage.sizeToScene();
        stage.show();
    }

    /** A day of 10-second scrapes in 24 buckets: one observation everywhere, 10,000 in one cell. */
    private static BucketHeatmapPlot.Cells quietDayWithOneBurst() {
        double[] lower = new double[BUCKETS], upper = new double[BUCKETS];
        for (int b = 0; b < BUCKETS; b++) {
            lower[b] = 1e-7 * Math.pow(2, b);
            upper[b] = 1e-7 * Math.pow(2, b + 1);
        }
        double[] start = new double[INTERVALS], end = new double[INTERVALS];
        double[][] counts = new double[INTERVALS][BUCKETS];
        for (int i = 0; i < INTERVALS; i++) {
            start[i] = i * 10.0;
            end[i] = start[i] + 10;
            java.util.Arrays.fill(counts[i], 1);
        }
        counts[BURST_INTERVAL][BURST_BUCKET] = 10_000;
        return new BucketHeatmapPlot.Cells("time (s)", "latency", Quantity.PLAIN, lower, upper, start, end, counts);
    }

    @Test
    void aBurstInOneOfThousandsOfIntervalsStaysVisible(FxRobot robot) {
        robot.interact(() -> chart.cellsProperty().set(quietDayWithOneBurst()));
        AtomicReference<WritableImage> image = new AtomicReference<>();
        robot.interact(() -> {
            chart.layout();
            image.set(chart.snapshot(null, null));
        });
        PlotArea area = chart.plotArea().orElseThrow();
        Color burst = chart.colorOf(10_000), quiet = chart.colorOf(1);
        assertNotNull(burst);
        int x = (int) Math.floor(area.xScale().toPixel(BURST_INTERVAL * 10.0 + 5));
        PixelReader px = image.get().getPixelReader();
        long burstPixels = 0, quietPixels = 0;
        for (int dx = -1; dx <= 1; dx++) {
            for (int y = (int) area.y(); y < area.bottom(); y++) {
                Color c = px.getColor(x + dx, y);
                if (near(c, burst)) burstPixels++;
            }
        }
        int elsewhere = (int) Math.floor(area.xScale().toPixel(500 * 10.0 + 5));
        for (int y = (int) area.y(); y < area.bottom(); y++) if (near(px.getColor(elsewhere, y), quiet)) quietPixels++;
        assertTrue(burstPixels > 0, "the burst's cell is drawn in its colour at x " + x);
        assertTrue(quietPixels > area.height() / 2, "a quiet column is drawn in the quiet colour: " + quietPixels);
    }

    private static boolean near(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) < 0.03 && Math.abs(a.getGreen() - b.getGreen()) < 0.03
                && Math.abs(a.getBlue() - b.getBlue()) < 0.03;
    }
}
