package dev.gcscope.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gcscope.parsers.TraceLoader;
import dev.gcscope.samples.SampleTraces;
import dev.gcscope.ui.UiOptions;
import dev.gcscope.ui.incident.IncidentTabs;
import dev.gcscope.ui.incident.IncidentView;
import dev.gcscope.ui.settings.MemorySettingsStore;
import dev.gcscope.ui.task.ExecutorBackgroundRunner;
import dev.gcscope.ui.window.MainWindowView;
import dev.gcscope.ui.window.MainWindowViewModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Tab;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** {@code gcscope --incident F1 F2 …}: the app opens the files as one incident tab, not a document per file. */
@ExtendWith(ApplicationExtension.class)
class IncidentCommandLineTest {
    @TempDir
    Path tmp;

    private ExecutorBackgroundRunner runner;
    private MainWindowView view;
    private MainWindowViewModel vm;

    @Start
    void start(Stage stage) {
        runner = new ExecutorBackgroundRunner(Platform::runLater, 2);
        vm = new MainWindowViewModel(runner, TraceLoader.standard(), new MemorySettingsStore());
        view = new MainWindowView(vm, runner);
        stage.setScene(view.createScene(1024, 700));
        stage.sizeToScene();
        stage.show();
    }

    @AfterEach
    void stop() {
        runner.close();
    }

    @Test
    void incidentOptionOpensOneIncidentOfAllTheFiles(FxRobot robot) throws Exception {
        List<String> args = new ArrayList<>(List.of("--incident"));
        List<Path> files = new ArrayList<>();
        for (String name : List.of("quota50-gctrace.log", "quota50-timehist.txt.gz", "quota50-metrics.jsonl.gz", "quota50-cpu-stat.log")) {
            Path f = SampleTraces.get("incident/" + name).copyTo(tmp).toAbsolutePath();
            files.add(f);
            args.add(f.toString());
        }
        robot.interact(() -> GcscopeApp.openFromCommandLine(UiOptions.parse(args, null), view, vm));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.documentTabs().getTabs().size() == 1);
        Tab tab = view.documentTabs().getTabs().get(0);
        assertTrue(tab.getStyleClass().contains(IncidentTabs.TAB_CLASS), "an incident, not a document: " + tab.getText());
        IncidentView incident = (IncidentView) tab.getUserData();
        assertEquals(files, incident.viewModel().files());
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> incident.viewModel().diagnosisProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(files.stream().map(Path::toString).toList(), incident.viewModel().diagnosisProperty().get().alignment().sources().stream()
                .map(s -> s.file()).distinct().toList(), "every file is a source of the one incident");
        assertEquals(0, vm.documents().size(), "no file opened as a document of its own");
        assertTrue(robot.lookup("#empty-placeholder").query().isVisible() == false, "the incident tab is shown, not the empty window");
    }
}
