package dev.gcscope.ui;

import dev.gcscope.parsers.TraceLoader;
import dev.gcscope.samples.SampleTraces;
import dev.gcscope.ui.task.ExecutorBackgroundRunner;
import dev.gcscope.ui.window.MainWindowView;
import dev.gcscope.ui.window.MainWindowViewModel;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The JavaFX application: wires the real background runner, the view model and the window, then
 * opens the file from the command line or, without one, the bundled sample trace.
 */
public final class GcscopeApp extends Application {
    private static final double PREFERRED_WIDTH = 1360;
    private static final double PREFERRED_HEIGHT = 860;
    private static final double SCREEN_FRACTION = 0.92;

    private ExecutorBackgroundRunner runner;

    @Override
    public void start(Stage stage) {
        UiOptions options = UiOptions.parse(getParameters().getRaw(), System.getProperty(Theme.THEME_PROPERTY));
        runner = new ExecutorBackgroundRunner(Platform::runLater);
        MainWindowViewModel vm = new MainWindowViewModel(runner, TraceLoader.standard());
        vm.darkThemeProperty().set(options.dark());
        MainWindowView view = new MainWindowView(vm);

        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double w = Math.min(PREFERRED_WIDTH, screen.getWidth() * SCREEN_FRACTION);
        double h = Math.min(PREFERRED_HEIGHT, screen.getHeight() * SCREEN_FRACTION);
        stage.setScene(view.createScene(w, h));
        stage.titleProperty().bind(vm.titleProperty());
        stage.setMinWidth(640);
        stage.setMinHeight(420);
        stage.show();

        if (options.file() != null) {
            vm.openFile(options.file());
        } else {
            vm.openSample(SampleTraces.DEFAULT_GCTRACE);
        }
    }

    @Override
    public void stop() {
        if (runner != null) runner.close();
    }
}
