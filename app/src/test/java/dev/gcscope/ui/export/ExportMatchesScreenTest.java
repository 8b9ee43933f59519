package dev.gcscope.ui.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gcscope.analysis.CycleRangeAnalysis;
import dev.gcscope.export.ChartImages;
import dev.gcscope.export.GcTraceCharts;
import dev.gcscope.render.Rgba;
import dev.gcscope.render.distribution.PauseHistogram;
import dev.gcscope.render.theme.ChartTheme;
import dev.gcscope.analysis.regime.RegimeScatterPoints;
import dev.gcscope.render.regimes.ScatterData;
import dev.gcscope.samples.SampleTraces;
import dev.gcscope.ui.Theme;
import dev.gcscope.ui.chart.CanvasChart;
import dev.gcscope.ui.gctrace.GcTraceData;
import dev.gcscope.ui.gctrace.GcTraceModel;
import dev.gcscope.ui.gctrace.GcTraceViewsFixture;
import dev.gcscope.ui.gctrace.distribution.StwHistogramChart;
import dev.gcscope.ui.gctrace.mmu.MmuChart;
import dev.gcscope.ui.gctrace.regimes.RegimeScatterChart;
import dev.gcscope.ui.timeline.TimelineViews;
import java.awt.image.BufferedImage;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import tech.tablesaw.api.Table;

/**
 * The one drawing path, checked by its pixels: a chart of a real trace drawn on screen (JavaFX
 * canvas, the stylesheet's colours) and the same chart drawn headless into a PNG bitmap by the command
 * line's path ({@link GcTraceCharts}, {@link ChartTheme}'s colours, AWT) are the same picture, up
 * to how the two text rasterisers shade the edges of glyphs.
 */
@ExtendWith(ApplicationExtension.class)
class ExportMatchesScreenTest {
    private static final int W = 800;
    private static final int H = 400;
    /** A pixel differs when a channel is off by more than this (of 255): antialiasing shades, not colours. */
    private static final int CHANNEL_TOLERANCE = 40;
    /**
     * At most this share of the pixels may differ: the glyphs' edges (text is a few % of a chart; on
     * the sample, 0.03–0.11 % of the pixels differ, the other theme's picture 10 % or more).
     */
    private static final double MAX_DIFFERING = 0.01;

    private static Table cycles;
    private static GcTraceData data;
    private static CycleRangeAnalysis stats;
    private static GcTraceCharts headless;

    private final StackPane root = new StackPane();

    @BeforeAll
    static void load() throws Exception {
        cycles = GcTraceViewsFixture.cycles(SampleTraces.DEFAULT_GCTRACE);
        data = GcTraceData.of(cycles);
        stats = GcTraceModel.wholeTrace(data);
        headless = GcTraceCharts.of(cycles);
    }

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(root, W, H));
        // the test stage is shared: a test before this one may have given it a size of its own
        stage.sizeToScene();
        stage.show();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"pause-timeline, LIGHT", "pause-timeline, DARK", "heap-timeline, LIGHT", "stw-histogram, LIGHT", "stw-histogram, DARK",
            "regime-scatter, LIGHT", "mmu, LIGHT", "mmu, DARK"})
    void thePngIsTheChartOnScreen(String id, ChartTheme theme, FxRobot robot) {
        AtomicReference<CanvasChart> shown = new AtomicReference<>();
        robot.interact(() -> {
            shown.set(screenChart(id));
            // unfocused: a focused timeline's 2-pixel focus border is the window's, not the chart's
            shown.get().setFocusTraversable(false);
            Theme.apply(root, theme == ChartTheme.DARK);
            root.getChildren().setAll(shown.get());
        });
        CanvasChart chart = shown.get();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(W, chart.getWidth());
        assertEquals(H, chart.getHeight());
        assertTrue(chart.plotArea().isPresent(), "the chart on screen plotted its data");

        Rgba background = theme.background();
        PixelReader screen = snapshot(robot, chart, background);
        BufferedImage png = ChartImages.image(headless.plotOnly(id, theme), W, H, 1, background);

        double differing = differing(screen, png);
        assertTrue(differing < MAX_DIFFERING, String.format(Locale.ROOT, "%.2f %% of the pixels differ", 100 * differing));
        // and the comparison sees a difference where there is one: the other theme's picture is far off
        ChartTheme other = theme == ChartTheme.LIGHT ? ChartTheme.DARK : ChartTheme.LIGHT;
        double otherTheme = differing(screen, ChartImages.image(headless.plotOnly(id, other), W, H, 1, background));
        assertTrue(otherTheme > 5 * MAX_DIFFERING, String.format(Locale.ROOT, "the other theme differs by only %.2f %%", 100 * otherTheme));
    }

    /** The chart as the window's view shows it, for the whole trace and nothing highlighted. */
    private static CanvasChart screenChart(String id) {
        return switch (id) {
            case "pause-timeline" -> TimelineViews.pauseChart(data.timelineCycles());
            case "heap-timeline" -> TimelineViews.heapChart(data.timelineCycles());
            case "stw-histogram" -> {
                StwHistogramChart c = new StwHistogramChart();
                c.histogramProperty().set(PauseHistogram.of(stats));
                yield c;
            }
            case "regime-scatter" -> {
                RegimeScatterChart c = new RegimeScatterChart();
                c.dataProperty().set(ScatterData.of(RegimeScatterPoints.of(cycles), data.regimeOfRow(),
                        data.analysis().regimes().regimes(), 0, data.size()));
                yield c;
            }
            case "mmu" -> {
                MmuChart c = new MmuChart();
                c.curveProperty().set(stats.mmu());
                yield c;
            }
            default -> throw new IllegalArgumentException(id);
        };
    }

    private static PixelReader snapshot(FxRobot robot, CanvasChart chart, Rgba background) {
        AtomicReference<WritableImage> image = new AtomicReference<>();
        robot.interact(() -> {
            SnapshotParameters p = new SnapshotParameters();
            p.setFill(Color.color(background.red(), background.green(), background.blue(), background.opacity()));
            image.set(chart.snapshot(p, null));
        });
        assertEquals(W, (int) image.get().getWidth());
        assertEquals(H, (int) image.get().getHeight());
        return image.get().getPixelReader();
    }

    /** The share of pixels where some channel differs by more than {@link #CHANNEL_TOLERANCE}. */
    private static double differing(PixelReader screen, BufferedImage png) {
        long off = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int a = screen.getArgb(x, y), b = png.getRGB(x, y);
                int d = Math.max(Math.abs((a >> 16 & 0xff) - (b >> 16 & 0xff)),
                        Math.max(Math.abs((a >> 8 & 0xff) - (b >> 8 & 0xff)), Math.abs((a & 0xff) - (b & 0xff))));
                if (d > CHANNEL_TOLERANCE) off++;
            }
        }
        return off / (double) (W * H);
    }
}
