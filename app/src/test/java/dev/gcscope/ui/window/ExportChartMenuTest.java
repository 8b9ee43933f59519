package dev.gcscope.ui.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gcscope.parsers.TraceLoader;
import dev.gcscope.render.Rgba;
import dev.gcscope.samples.SampleTraces;
import dev.gcscope.ui.LayoutPass;
import dev.gcscope.ui.chart.CanvasChart;
import dev.gcscope.ui.export.ChartExportDialog;
import dev.gcscope.ui.export.ChartExportMenu;
import dev.gcscope.ui.settings.MemorySettingsStore;
import dev.gcscope.ui.task.SynchronousRunner;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * File ▸ Export chart…: the chart of the current view, through the dialog's choices (PNG 1×–3× or
 * a chosen width, SVG, white for print) and the same drawing as the chart's own menu.
 */
@ExtendWith(ApplicationExtension.class)
class ExportChartMenuTest {
    @TempDir
    Path tmp;

    private MainWindowView view;

    @Start
    void start(Stage stage) {
        SynchronousRunner runner = new SynchronousRunner();
        MainWindowViewModel vm = new MainWindowViewModel(runner, TraceLoader.standard(), new MemorySettingsStore());
        view = new MainWindowView(vm, runner);
        stage.setScene(view.createScene(1280, 800));
        stage.show();
    }

    private CanvasChart openOn(FxRobot robot, String sample, String viewId) throws Exception {
        Path file = SampleTraces.get(sample).copyTo(tmp);
        robot.interact(() -> view.dropFiles(List.of(file.toFile())));
        robot.interact(() -> view.selectedDocumentView().orElseThrow().selectView(viewId));
        LayoutPass.run(robot, view.root());
        AtomicReference<CanvasChart> chart = new AtomicReference<>();
        robot.interact(() -> chart.set(view.currentChart()));
        assertNotNull(chart.get(), viewId + " has a chart to export");
        return chart.get();
    }

    @Test
    void theFileMenuExportsTheCurrentViewsChartAtAChosenWidthAndAsSvg(FxRobot robot) throws Exception {
        CanvasChart chart = openOn(robot, SampleTraces.DEFAULT_GCTRACE, "stw-histogram");
        assertEquals("stw-histogram-chart", chart.getId());
        double w = chart.getWidth(), h = chart.getHeight();

        AtomicReference<ChartExportDialog.Choice> choice = new AtomicReference<>();
        robot.interact(() -> {
            ChartExportDialog d = new ChartExportDialog(w, ChartExportMenu.printOf((javafx.scene.Parent) view.root()));
            DialogPane pane = d.getDialogPane();
            ((RadioButton) pane.lookup("#chart-dialog-png-width")).setSelected(true);
            @SuppressWarnings("unchecked")
            Spinner<Integer> width = (Spinner<Integer>) pane.lookup("#chart-dialog-width");
            width.getValueFactory().setValue(1500);
            choice.set(d.choice(w));
        });
        Path png = tmp.resolve("histogram");
        robot.interact(() -> view.exportChart(chart, choice.get(), png));
        BufferedImage image = ImageIO.read(tmp.resolve("histogram.png").toFile());
        assertEquals(1500, image.getWidth(), "the chosen width");
        assertEquals(Math.round(h * 1500 / w), image.getHeight(), "the chart's proportions");

        robot.interact(() -> view.exportChart(chart, new ChartExportDialog.Choice(true, 1), tmp.resolve("histogram.svg")));
        var svg = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(tmp.resolve("histogram.svg").toFile());
        assertEquals(String.valueOf((int) w), svg.getDocumentElement().getAttribute("width").replaceAll("\\.0$", ""));
        assertTrue(svg.getElementsByTagName("text").getLength() > 6, "labels as text");
    }

    @Test
    void printFromTheDialogIsWhiteAndAViewWithoutChartsSaysSo(FxRobot robot) throws Exception {
        CanvasChart chart = openOn(robot, SampleTraces.DEFAULT_GCTRACE, "pause-timeline");
        robot.interact(() -> {
            view.documentTabs().getScene().getRoot().getStyleClass().add(dev.gcscope.ui.Theme.DARK_CLASS);
            ChartExportMenu.printOf((javafx.scene.Parent) view.root()).set(true);
            view.exportChart(chart, new ChartExportDialog.Choice(false, 1), tmp.resolve("print.png"));
        });
        BufferedImage image = ImageIO.read(tmp.resolve("print.png").toFile());
        assertEquals(Rgba.WHITE.argb(), image.getRGB(0, 0), "white behind the chart");

        robot.interact(() -> view.selectedDocumentView().orElseThrow().selectView("percentiles"));
        LayoutPass.run(robot, view.root());
        AtomicReference<CanvasChart> none = new AtomicReference<>();
        robot.interact(() -> none.set(view.currentChart()));
        assertNull(none.get(), "the percentiles view is a table");
    }

    @Test
    void theMenuItemOpensTheDialogWithEveryChoice(FxRobot robot) throws Exception {
        openOn(robot, "metrics/go1.24-phases-histograms.jsonl", "sched-metrics-histogram");
        AtomicReference<MenuItem> item = new AtomicReference<>();
        robot.interact(() -> {
            MenuBar bar = (MenuBar) view.root().lookup(".menu-bar");
            for (Menu m : bar.getMenus()) for (MenuItem i : m.getItems()) if ("menu-export-chart".equals(i.getId())) item.set(i);
        });
        assertNotNull(item.get(), "File ▸ Export chart…");
        assertTrue(!item.get().isDisable(), "enabled with a document open");
        Platform.runLater(item.get()::fire);
        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS, () -> dialogPane() != null);
        AtomicReference<List<String>> ids = new AtomicReference<>();
        robot.interact(() -> {
            DialogPane pane = dialogPane();
            ids.set(List.of("#chart-dialog-png-1x", "#chart-dialog-png-2x", "#chart-dialog-png-3x", "#chart-dialog-png-width",
                    "#chart-dialog-svg", "#chart-dialog-print").stream().filter(id -> pane.lookup(id) == null).toList());
            ((javafx.scene.control.Button) pane.lookupButton(ButtonType.CANCEL)).fire();
        });
        assertEquals(List.of(), ids.get(), "missing from the dialog");
        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS, () -> dialogPane() == null);
        try (var files = Files.list(tmp)) {
            assertEquals(1, files.count(), "cancelled: nothing written beside the input");
        }
    }

    private static DialogPane dialogPane() {
        for (Window w : Window.getWindows()) {
            if (w.isShowing() && w.getScene() != null && w.getScene().getRoot() instanceof DialogPane p
                    && p.lookup("#chart-export-dialog") != null) {
                return p;
            }
        }
        return null;
    }
}
