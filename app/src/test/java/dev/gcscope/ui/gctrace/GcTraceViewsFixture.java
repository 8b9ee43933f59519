package dev.gcscope.ui.gctrace;

import dev.gcscope.analysis.cycles.DerivedColumns;
import dev.gcscope.parsers.TraceSource;
import dev.gcscope.parsers.gctrace.GcColumns;
import dev.gcscope.parsers.gctrace.GcTraceParser;
import dev.gcscope.samples.SampleTraces;
import dev.gcscope.ui.LayoutPass;
import dev.gcscope.ui.Theme;
import dev.gcscope.ui.chart.CanvasChart;
import dev.gcscope.ui.task.SynchronousRunner;
import dev.gcscope.ui.view.TraceView;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.testfx.api.FxRobot;
import tech.tablesaw.api.Table;

/** Shared set-up of the gctrace view tests: a parsed sample, a model on the synchronous runner, a stage to show a view in. */
public final class GcTraceViewsFixture {
    private GcTraceViewsFixture() {}

    public static Table cycles(String sample) throws Exception {
        SampleTraces.Sample s = SampleTraces.get(sample);
        return DerivedColumns.addTo(new GcTraceParser().parse(TraceSource.of(s.fileName(), s.bytes()))).table(GcColumns.CYCLES_TABLE);
    }

    public static GcTraceModel model(Table cycles) {
        return new GcTraceModel(GcTraceData.of(cycles), null, new SynchronousRunner());
    }

    public static void show(FxRobot robot, Stage stage, TraceView view, boolean dark) {
        robot.interact(() -> {
            StackPane root = new StackPane(view.root());
            Theme.apply(root, dark);
            stage.setScene(new Scene(root, 1200, 760));
            // the test stage is shared: a test before this one may have given it a size of its own
            stage.sizeToScene();
            stage.show();
        });
        LayoutPass.run(robot, view.root());
    }

    /** R-7 (numpy's default) of the non-NaN values, by commons-math. */
    public static double r7(double[] values, double p) {
        double[] clean = Arrays.stream(values).filter(d -> !Double.isNaN(d)).toArray();
        return new Percentile().withEstimationType(Percentile.EstimationType.R_7).evaluate(clean, p);
    }

    public static WritableImage snapshot(FxRobot robot, CanvasChart chart) {
        AtomicReference<WritableImage> image = new AtomicReference<>();
        robot.interact(() -> image.set(chart.snapshot(null, null)));
        return image.get();
    }

    public static boolean near(Color c, Color target) {
        return Math.abs(c.getRed() - target.getRed()) < 0.06 && Math.abs(c.getGreen() - target.getGreen()) < 0.06
                && Math.abs(c.getBlue() - target.getBlue()) < 0.06;
    }

    /** Pixels of {@code colour} in columns [x0, x1) of the image. */
    public static long countPixels(WritableImage image, Color colour, int x0, int x1) {
        PixelReader px = image.getPixelReader();
        long n = 0;
        for (int y = 0; y < (int) image.getHeight(); y++) {
            for (int x = Math.max(0, x0); x < Math.min(x1, (int) image.getWidth()); x++) {
                if (near(px.getColor(x, y), colour)) n++;
            }
        }
        return n;
    }
}
