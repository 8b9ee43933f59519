package dev.gcscope.ui.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gcscope.export.ChartImages;
import dev.gcscope.render.Rgba;
import dev.gcscope.render.plot.FramedChart;
import dev.gcscope.render.plot.TimeRange;
import dev.gcscope.render.theme.ChartTheme;
import dev.gcscope.render.timeline.TimelineCycles;
import dev.gcscope.samples.SampleTraces;
import dev.gcscope.ui.Theme;
import dev.gcscope.ui.gctrace.GcTraceData;
import dev.gcscope.ui.gctrace.GcTraceViewsFixture;
import dev.gcscope.ui.task.SynchronousRunner;
import dev.gcscope.ui.timeline.StackedTimelineChart;
import dev.gcscope.ui.timeline.TimelineViews;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.MenuItem;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.w3c.dom.Document;

/**
 * The window's chart export: a right-click on any chart offers it, and what is written is the chart
 * as it is on screen — its size, its selection, its highlighted regime, its theme — at the scale asked.
 */
@ExtendWith(ApplicationExtension.class)
class ChartExportMenuTest {
    private static final int W = 700;
    private static final int H = 320;
    private static TimelineCycles cycles;

    @TempDir
    Path dir;

    private final StackPane root = new StackPane();
    private StackedTimelineChart chart;

    @BeforeAll
    static void load() throws Exception {
        cycles = GcTraceData.of(GcTraceViewsFixture.cycles(SampleTraces.DEFAULT_GCTRACE)).timelineCycles();
    }

    @Start
    void start(Stage stage) {
        chart = TimelineViews.pauseChart(cycles);
        chart.setFocusTraversable(false);
        root.getChildren().add(chart);
        Theme.apply(root, true);
        ChartExportMenu.install(root, new SynchronousRunner());
        stage.setScene(new Scene(root, W, H));
        // the test stage is shared: a test before this one may have given it a width of its own
        stage.sizeToScene();
        stage.show();
    }

    @Test
    void aRightClickOnAChartOffersCopyAndEveryExport(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        // what a right-click (or the menu key) sends; it bubbles from the chart to the handler on the root
        robot.interact(() -> {
            javafx.geometry.Point2D screen = chart.localToScreen(W / 2.0, H / 2.0);
            javafx.event.Event.fireEvent(chart, new javafx.scene.input.ContextMenuEvent(
                    javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, W / 2.0, H / 2.0, screen.getX(), screen.getY(), false, null));
        });
        WaitForAsyncUtils.waitForFxEvents();
        for (String id : List.of("#chart-copy", "#chart-export-png-1x", "#chart-export-png-2x", "#chart-export-png-3x", "#chart-export-svg",
                "#chart-export-print")) {
            assertTrue(menuItem(robot, id) != null, id + " in the context menu");
        }
        robot.interact(() -> javafx.stage.Window.getWindows().stream().filter(w -> w instanceof javafx.scene.control.ContextMenu)
                .toList().forEach(javafx.stage.Window::hide));
    }

    @Test
    void theExportIsTheChartOnScreenWithItsSelectionHighlightAndTheme(FxRobot robot) throws Exception {
        robot.interact(() -> {
            // a selection over the middle third, and regime 1 highlighted
            TimeRange all = new TimeRange(cycles.layout().xMin(), cycles.layout().xMax());
            double third = (all.to() - all.from()) / 3;
            chart.selectionProperty().set(new TimeRange(all.from() + third, all.to() - third));
            chart.highlightedRegimeProperty().set(1);
        });
        WaitForAsyncUtils.waitForFxEvents();
        ChartExportMenu.Snapshot s = snapshot(robot);
        assertEquals(W, s.width());
        // the legend the view shows in its header goes over the chart, which keeps its height on screen
        int legend = (int) (s.height() - H);
        assertTrue(legend >= 10 && legend <= 60, "a legend row over the chart: " + legend + " px");
        Rgba card = s.background();

        Path png = dir.resolve("pause.png");
        ChartExportMenu.write(s, ChartExportMenu.Kind.PNG_2X, png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(2 * W, image.getWidth());
        assertEquals(2 * (H + legend), image.getHeight());

        // at 1x, under the legend, pixel for pixel the chart on screen, selection band and dimmed regimes included
        PixelReader screen = screenPixels(robot, card);
        BufferedImage oneX = ChartImages.image(s.drawing(), W, H + legend, 1, card);
        long differing = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) if (far(screen.getArgb(x, y), oneX.getRGB(x, y + legend))) differing++;
        }
        assertTrue(differing < W * H / 100, differing + " pixels differ");
        // and the selection is in it: without the selection the picture differs in many more pixels
        robot.interact(() -> chart.selectionProperty().set(null));
        WaitForAsyncUtils.waitForFxEvents();
        BufferedImage unselected = ChartImages.image(snapshot(robot).drawing(), W, H + legend, 1, card);
        long changed = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) if (oneX.getRGB(x, y) != unselected.getRGB(x, y)) changed++;
        }
        // the band covers a third of the plot's width over its height
        assertTrue(changed > W * H / 10, changed + " pixels changed by the selection");

        Path svg = dir.resolve("pause.svg");
        ChartExportMenu.write(s, ChartExportMenu.Kind.SVG, svg);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        assertEquals(String.valueOf(W), doc.getDocumentElement().getAttribute("width"));
        // the legend names what the colours are, as the pause timeline's header does
        List<String> texts = new java.util.ArrayList<>();
        org.w3c.dom.NodeList nodes = doc.getElementsByTagName("text");
        for (int i = 0; i < nodes.getLength(); i++) texts.add(nodes.item(i).getTextContent());
        for (int r = 0; r < cycles.regimeCount(); r++) assertTrue(texts.contains("regime " + r), "regime " + r + " in " + texts);
        assertTrue(texts.contains("forced"), "forced in " + texts);
    }

    @Test
    void exportFromTheMenuWritesTheFileThroughTheRunner(FxRobot robot) throws Exception {
        Path out = dir.resolve("menu.png");
        robot.interact(() -> new ChartExportMenu(chart, new SynchronousRunner(), new SimpleBooleanProperty(false)).export(ChartExportMenu.Kind.PNG_1X, out));
        assertTrue(Files.size(out) > 1000);
        assertEquals(W, ImageIO.read(out.toFile()).getWidth());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(out), files.toList(), "no temporary file left beside it");
        }
    }

    /** Copy chart: the chart as exported, at the screen's scale (1 here), on the clipboard as an image. */
    @Test
    void copyPutsTheChartOnTheClipboard(FxRobot robot) {
        robot.interact(() -> javafx.scene.input.Clipboard.getSystemClipboard().clear());
        robot.interact(() -> new ChartExportMenu(chart, new SynchronousRunner(), new SimpleBooleanProperty(false)).copy());
        AtomicReference<javafx.scene.image.Image> copied = new AtomicReference<>();
        robot.interact(() -> copied.set(javafx.scene.input.Clipboard.getSystemClipboard().getImage()));
        assertTrue(copied.get() != null, "an image on the clipboard");
        ChartExportMenu.Snapshot s = snapshot(robot);
        int h = (int) s.height();
        assertEquals(W, (int) copied.get().getWidth());
        assertEquals(h, (int) copied.get().getHeight());
        BufferedImage expected = ChartImages.image(s.drawing(), W, h, 1, s.background());
        PixelReader pixels = copied.get().getPixelReader();
        long differing = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < W; x++) if (pixels.getArgb(x, y) != expected.getRGB(x, y)) differing++;
        }
        assertEquals(0, differing, "the copied pixels are the exported chart's");
    }

    /** Print: the light theme's colours on white, taken from the dark window without the window turning light. */
    @Test
    void printIsTheLightChartOnWhiteAndTheWindowStaysDark(FxRobot robot) {
        AtomicReference<ChartExportMenu.Snapshot> print = new AtomicReference<>();
        robot.interact(() -> print.set(ChartExportMenu.printSnapshotOf(chart)));
        assertEquals(Rgba.WHITE, print.get().background());
        assertEquals(ChartTheme.LIGHT.frame(), framed(print.get()).style().colours());
        WaitForAsyncUtils.waitForFxEvents();
        AtomicReference<Object> onScreen = new AtomicReference<>();
        robot.interact(() -> onScreen.set(chart.frameColours()));
        assertEquals(ChartTheme.DARK.frame(), onScreen.get());
        assertEquals(ChartTheme.DARK.frame(), framed(snapshot(robot)).style().colours());
    }

    /** The chart under the export's legend. */
    private static FramedChart framed(ChartExportMenu.Snapshot s) {
        return (FramedChart) ((dev.gcscope.render.plot.LegendedChart) s.drawing()).chart();
    }

    private ChartExportMenu.Snapshot snapshot(FxRobot robot) {
        AtomicReference<ChartExportMenu.Snapshot> s = new AtomicReference<>();
        robot.interact(() -> s.set(ChartExportMenu.snapshotOf(chart)));
        return s.get();
    }

    private PixelReader screenPixels(FxRobot robot, Rgba background) {
        AtomicReference<WritableImage> image = new AtomicReference<>();
        robot.interact(() -> {
            SnapshotParameters p = new SnapshotParameters();
            p.setFill(Color.color(background.red(), background.green(), background.blue()));
            image.set(chart.snapshot(p, null));
        });
        return image.get().getPixelReader();
    }

    private static boolean far(int a, int b) {
        int d = Math.max(Math.abs((a >> 16 & 0xff) - (b >> 16 & 0xff)),
                Math.max(Math.abs((a >> 8 & 0xff) - (b >> 8 & 0xff)), Math.abs((a & 0xff) - (b & 0xff))));
        return d > 40;
    }

    private static MenuItem menuItem(FxRobot robot, String id) {
        for (javafx.stage.Window w : javafx.stage.Window.getWindows()) {
            if (w instanceof javafx.scene.control.ContextMenu menu && menu.isShowing()) {
                for (MenuItem item : menu.getItems()) if (id.equals("#" + item.getId())) return item;
            }
        }
        return null;
    }
}
