package dev.gcscope.ui.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gcscope.parsers.TraceLoader;
import dev.gcscope.samples.SampleTraces;
import dev.gcscope.ui.chart.CanvasChart;
import dev.gcscope.render.plot.TimeRange;
import dev.gcscope.ui.settings.MemorySettingsStore;
import dev.gcscope.ui.task.SynchronousRunner;
import dev.gcscope.ui.timeline.TimelineChart;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Help ▸ Keyboard shortcuts and About, Edit ▸ Paste (Ctrl+V), and charts taking the keys when their
 * view is shown, on headless Monocle with the synchronous runner.
 */
@ExtendWith(ApplicationExtension.class)
class HelpPasteAndFocusTest {
    /** A guard against a hang, not a measurement: the conditions hold within a few pulses. */
    private static final long GUARD_SECONDS = 20;

    @TempDir
    Path tmp;

    private MainWindowViewModel vm;
    private MainWindowView view;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        SynchronousRunner runner = new SynchronousRunner();
        vm = new MainWindowViewModel(runner, TraceLoader.standard(), new MemorySettingsStore());
        view = new MainWindowView(vm, runner);
        stage.setScene(view.createScene(1280, 800));
        stage.show();
    }

    @AfterEach
    void closeDialogs(FxRobot robot) {
        robot.interact(() -> List.copyOf(Window.getWindows()).stream().filter(w -> w != stage)
                .forEach(w -> ((Stage) w).close()));
    }

    private MenuBar menuBar() {
        return (MenuBar) ((javafx.scene.layout.VBox) ((javafx.scene.layout.BorderPane) view.root()).getTop()).getChildren().get(0);
    }

    private MenuItem item(String id) {
        for (Menu m : menuBar().getMenus()) {
            for (MenuItem it : m.getItems()) {
                if (id.equals(it.getId())) return it;
            }
        }
        throw new AssertionError("no menu item " + id);
    }

    /** The dialog that opened over the window (its pane). */
    private DialogPane dialog(FxRobot robot, String title) throws Exception {
        WaitForAsyncUtils.waitFor(GUARD_SECONDS, TimeUnit.SECONDS, () -> Window.getWindows().stream()
                .anyMatch(w -> w instanceof Stage s && title.equals(s.getTitle())));
        Stage s = (Stage) Window.getWindows().stream().filter(w -> w instanceof Stage st && title.equals(st.getTitle()))
                .findFirst().orElseThrow();
        return (DialogPane) s.getScene().getRoot();
    }

    private static List<String> labels(Node root) {
        List<String> out = new java.util.ArrayList<>();
        java.util.ArrayDeque<Node> queue = new java.util.ArrayDeque<>(List.of(root));
        while (!queue.isEmpty()) {
            Node n = queue.poll();
            if (n instanceof Label l && l.getText() != null) out.add(l.getText());
            if (n instanceof Parent p) queue.addAll(p.getChildrenUnmodifiable());
        }
        return out;
    }

    @Test
    void theShortcutListShowsEveryMenuAcceleratorAndTheChartKeys(FxRobot robot) throws Exception {
        robot.interact(() -> item("menu-shortcuts").fire());
        DialogPane pane = dialog(robot, "Keyboard shortcuts");
        List<String> shown = labels(pane);
        // Every accelerator of the window's menus, as the menus display it.
        List<MenuItem> withKeys = new java.util.ArrayList<>();
        for (Menu m : menuBar().getMenus()) collect(m.getItems(), withKeys);
        assertTrue(withKeys.size() >= 10, "File, Edit and View carry shortcuts: " + withKeys.size());
        for (MenuItem it : withKeys) {
            assertTrue(shown.contains(it.getAccelerator().getDisplayText()), it.getText() + " missing from " + shown);
            assertTrue(shown.contains(it.getText()), it.getText() + " missing from " + shown);
        }
        assertTrue(shown.stream().anyMatch(t -> t.contains("Paste")), shown.toString());
        for (HelpMenu.Shortcut k : HelpMenu.CHART_KEYS) assertTrue(shown.contains(k.action()), k + " missing");
    }

    private static void collect(List<MenuItem> items, List<MenuItem> out) {
        for (MenuItem it : items) {
            if (it instanceof Menu sub) collect(sub.getItems(), out);
            else if (it.getAccelerator() != null) out.add(it);
        }
    }

    @Test
    void aboutNamesTheVersionJavaJavaFxAndTheLicence(FxRobot robot) throws Exception {
        robot.interact(() -> item("menu-about").fire());
        DialogPane pane = dialog(robot, "About gcscope");
        List<String> shown = labels(pane);
        String javafx = System.getProperty("javafx.runtime.version");
        assertTrue(javafx != null && !javafx.isBlank(), "the toolkit sets its version once started");
        assertTrue(shown.contains("JavaFX " + javafx), shown.toString());
        assertTrue(shown.stream().anyMatch(t -> t.startsWith("Java " + Runtime.version())), shown.toString());
        assertTrue(shown.contains("Licence: Apache License 2.0"), shown.toString());
        // From class folders the build has no pom.properties: the version says so rather than nothing.
        assertTrue(shown.stream().anyMatch(t -> t.matches("gcscope (\\d+\\.\\d+.*|development build)")), shown.toString());
    }

    private void putOnClipboard(FxRobot robot, String text) {
        robot.interact(() -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(text);
            Clipboard.getSystemClipboard().setContent(c);
        });
    }

    @Test
    void ctrlVOpensTheClipboardsTraceAsADocument(FxRobot robot) throws Exception {
        String trace = new String(SampleTraces.get(SampleTraces.DEFAULT_GCTRACE).bytes(), StandardCharsets.UTF_8);
        Matcher gc = Pattern.compile("^gc \\d+ @", Pattern.MULTILINE).matcher(trace);
        long cycles = 0;
        while (gc.find()) cycles++;
        putOnClipboard(robot, trace);
        robot.interact(() -> stage.getScene().getRoot().requestFocus());
        robot.press(KeyCode.CONTROL, KeyCode.V).release(KeyCode.V, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(GUARD_SECONDS, TimeUnit.SECONDS, () -> vm.documents().size() == 1);
        var doc = vm.documents().get(0);
        assertEquals("gctrace", doc.document().result().format().id(), "detected as a file would be");
        assertEquals(cycles, doc.gcTraceModel().data().size(), "every gc line of this plain trace is a cycle");
        assertTrue(view.documentTabs().getTabs().get(0).getText().startsWith(MainWindowViewModel.PASTED_NAME),
                view.documentTabs().getTabs().get(0).getText());
        assertTrue(vm.errors().isEmpty(), vm.errors().toString());
    }

    @Test
    void pastedTextThatIsNoTraceSaysSoInOneLine(FxRobot robot) throws Exception {
        putOnClipboard(robot, "Dear diary,\nthe build is green today.\n");
        robot.interact(view::paste);
        WaitForAsyncUtils.waitFor(GUARD_SECONDS, TimeUnit.SECONDS, () -> vm.errors().size() == 1);
        LoadError e = vm.errors().get(0);
        assertTrue(e.headline().startsWith(MainWindowViewModel.PASTED_NAME + ": "), e.headline());
        assertFalse(e.message().contains("\n"), e.message());
        assertTrue(vm.documents().isEmpty());

        putOnClipboard(robot, "   \n");
        robot.interact(view::paste);
        WaitForAsyncUtils.waitFor(GUARD_SECONDS, TimeUnit.SECONDS,
                () -> vm.errors().size() == 1 && vm.errors().get(0).message().contains("no text"));
    }

    private Node focusOwner() {
        return stage.getScene().getFocusOwner();
    }

    @Test
    void aTimelineTakesTheKeysWhenItsViewIsShownWithoutAClick(FxRobot robot) throws Exception {
        Path file = SampleTraces.get(SampleTraces.DEFAULT_GCTRACE).copyTo(tmp);
        robot.interact(() -> view.dropFiles(List.of(file.toFile())));
        robot.interact(() -> view.selectedDocumentView().orElseThrow().selectView("pause-timeline"));
        WaitForAsyncUtils.waitFor(GUARD_SECONDS, TimeUnit.SECONDS, () -> focusOwner() instanceof TimelineChart);
        TimelineChart chart = (TimelineChart) focusOwner();
        assertTrue(chart.getStyleClass().contains("pause-timeline"), chart.getStyleClass().toString());
        WaitForAsyncUtils.waitFor(GUARD_SECONDS, TimeUnit.SECONDS, () -> chart.shownRange() != null);
        TimeRange before = chart.shownRange();
        robot.type(KeyCode.ADD);
        WaitForAsyncUtils.waitForFxEvents();
        TimeRange after = chart.shownRange();
        assertTrue(after.length() < before.length(), "+ zoomed in: " + before + " → " + after);

        // With the chart focused inside the document, Ctrl+PageUp still moves between documents, not views.
        Path other = SampleTraces.get("gctrace/go1.22-phases-restart.log").copyTo(tmp);
        robot.interact(() -> view.dropFiles(List.of(other.toFile())));
        WaitForAsyncUtils.waitFor(GUARD_SECONDS, TimeUnit.SECONDS, () -> view.documentTabs().getSelectionModel().getSelectedIndex() == 1);
        robot.interact(() -> view.selectedDocumentView().orElseThrow().selectView("pause-timeline"));
        WaitForAsyncUtils.waitFor(GUARD_SECONDS, TimeUnit.SECONDS, () -> focusOwner() instanceof TimelineChart c && c != chart);
        robot.press(KeyCode.CONTROL, KeyCode.PAGE_UP).release(KeyCode.PAGE_UP, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(GUARD_SECONDS, TimeUnit.SECONDS, () -> view.documentTabs().getSelectionModel().getSelectedIndex() == 0);
        assertEquals(1, view.selectedDocumentView().orElseThrow().selectedView(), "the first document still shows its pause timeline");
        WaitForAsyncUtils.waitFor(GUARD_SECONDS, TimeUnit.SECONDS, () -> focusOwner() == chart);

        // Another view: its chart takes the keys in turn.
        robot.interact(() -> view.selectedDocumentView().orElseThrow().selectView("heap-timeline"));
        WaitForAsyncUtils.waitFor(GUARD_SECONDS, TimeUnit.SECONDS,
                () -> focusOwner() instanceof CanvasChart c && c != chart && c.getStyleClass().contains("heap-timeline"));
    }
}
