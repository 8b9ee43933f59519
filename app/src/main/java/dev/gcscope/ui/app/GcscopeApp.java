package dev.gcscope.ui.app;

import dev.gcscope.instance.SingleInstance;
import dev.gcscope.parsers.TraceLoader;
import dev.gcscope.ui.Theme;
import dev.gcscope.ui.UiOptions;
import dev.gcscope.ui.settings.PreferencesSettingsStore;
import dev.gcscope.ui.settings.WindowSettings;
import dev.gcscope.ui.task.ExecutorBackgroundRunner;
import dev.gcscope.ui.window.DemoSamples;
import dev.gcscope.ui.window.MainWindowView;
import dev.gcscope.ui.window.MainWindowViewModel;
import dev.gcscope.ui.workspace.EarlyLoad;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The JavaFX application: wires the real background runner, the settings, the view model and the
 * window, restores the window's bounds and theme, then opens the files from the command line (each
 * in a tab) or, without any, the bundled demo trace. Files that a gcscope started later hands over
 * (see {@link SingleInstance}) open as tabs of this window.
 */
public final class GcscopeApp extends Application {
    private static final double PREFERRED_WIDTH = 1360;
    private static final double PREFERRED_HEIGHT = 860;
    private static final double SCREEN_FRACTION = 0.92;
    private static final double MIN_VISIBLE = 120;
    private static final int[] ICON_SIZES = {16, 32, 48, 256};

    /** Set by {@link UiMain} before the launch when this is the user's first window; null otherwise. */
    static volatile SingleInstance singleInstance;

    /** Set by {@link UiMain} before the launch when the first file of the command line is being read already; null otherwise. */
    static volatile EarlyLoad earlyLoad;

    private ExecutorBackgroundRunner runner;
    private PreferencesSettingsStore settings;
    private Stage stage;
    private MainWindowViewModel vm;
    private java.util.Optional<WindowSettings> remembered = java.util.Optional.empty();
    private final java.util.List<Image> icons = new java.util.ArrayList<>();

    /**
     * Runs on the launcher thread, before the UI thread exists: the reads the window needs first
     * (the preferences file, the demo samples' index in the jar) happen here, so the UI thread
     * starts with them cached instead of doing IO.
     */
    @Override
    public void init() {
        settings = PreferencesSettingsStore.forUser();
        remembered = WindowSettings.load(settings);
        DemoSamples.all();
        for (int size : ICON_SIZES) {
            var url = GcscopeApp.class.getResource("/dev/gcscope/ui/icons/gcscope-" + size + ".png");
            if (url != null) icons.add(new Image(url.toExternalForm()));
        }
    }

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        UiOptions options = UiOptions.parse(getParameters().getRaw(), System.getProperty(Theme.THEME_PROPERTY));
        runner = new ExecutorBackgroundRunner(Platform::runLater);
        vm = new MainWindowViewModel(runner, TraceLoader.standard(), settings);
        EarlyLoad early = earlyLoad;
        earlyLoad = null; // the view model's from now on, and gone from here once its document is
        if (early != null) vm.takeOver(early);
        if (options.dark() != null) vm.darkThemeProperty().set(options.dark());
        MainWindowView view = new MainWindowView(vm, runner);
        view.setStartView(options.view());

        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double w = Math.min(PREFERRED_WIDTH, screen.getWidth() * SCREEN_FRACTION);
        double h = Math.min(PREFERRED_HEIGHT, screen.getHeight() * SCREEN_FRACTION);
        var remembered = this.remembered.map(GcscopeApp::onItsScreen);
        if (remembered.isPresent()) {
            w = remembered.get().width();
            h = remembered.get().height();
        }
        stage.setScene(view.createScene(w, h));
        stage.titleProperty().bind(vm.titleProperty());
        stage.getIcons().setAll(icons);
        stage.setMinWidth(640);
        stage.setMinHeight(420);
        remembered.ifPresent(r -> {
            stage.setX(r.x());
            stage.setY(r.y());
            stage.setMaximized(r.maximized());
        });
        StartupProbe.attachIfAsked(stage, view, vm);
        stage.show();

        openFromCommandLine(options, view, vm);
        SingleInstance instance = singleInstance;
        if (instance != null) instance.deliverTo(files -> Platform.runLater(() -> openHandedOver(files)));
    }

    /**
     * What the command line's files become: one incident ({@code --incident}), or each a tab (then
     * compared with {@code --compare}); without files, the bundled demo trace.
     */
    static void openFromCommandLine(UiOptions options, MainWindowView view, MainWindowViewModel vm) {
        for (java.nio.file.Path followed : options.follow()) vm.followFile(followed);
        if (options.files().isEmpty()) {
            if (options.follow().isEmpty()) vm.openSample(DemoSamples.DEFAULT_GCTRACE);
        } else if (options.incident()) {
            view.openIncident(options.files());
        } else {
            if (options.compare()) compareWhenLoaded(view, vm, options.files());
            vm.openFiles(options.files());
        }
    }

    /** {@code --compare A B…}: File ▸ Compare… once the last of the files has loaded (or failed). */
    private static void compareWhenLoaded(MainWindowView view, MainWindowViewModel vm, java.util.List<java.nio.file.Path> files) {
        vm.loadingProperty().addListener(new javafx.beans.value.ChangeListener<Boolean>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean loading) {
                if (loading) return;
                o.removeListener(this);
                // the last load leaves the list of loads before its document joins the documents
                Platform.runLater(() -> view.compareOpenDocuments(files));
            }
        });
    }

    /** Files a gcscope started later handed over: each in a tab, and the window to the front. */
    private void openHandedOver(java.util.List<java.nio.file.Path> files) {
        vm.openFiles(files);
        stage.setIconified(false);
        stage.toFront();
    }

    /**
     * The remembered bounds inside the screen they are on, or inside the primary screen when that
     * screen is gone: a window saved on a 1600x1000 screen would otherwise overflow a 1024x700 one.
     */
    private static WindowSettings onItsScreen(WindowSettings w) {
        var screens = Screen.getScreensForRectangle(w.x(), w.y(), Math.min(w.width(), MIN_VISIBLE), Math.min(w.height(), MIN_VISIBLE));
        Screen screen = screens.isEmpty() ? Screen.getPrimary() : screens.get(0);
        return w.clampedTo(screen.getVisualBounds());
    }

    private void saveBounds(Stage stage) {
        if (!stage.isMaximized()) {
            new WindowSettings(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), false).save(settings);
        } else {
            // Keep the un-maximised bounds remembered before, so un-maximising next time restores them.
            WindowSettings before = WindowSettings.load(settings).orElse(new WindowSettings(stage.getX(), stage.getY(),
                    PREFERRED_WIDTH, PREFERRED_HEIGHT, true));
            new WindowSettings(before.x(), before.y(), before.width(), before.height(), true).save(settings);
        }
        settings.flush();
    }

    @Override
    public void stop() {
        // Here rather than on a close request: File ▸ Quit ends the app without one.
        if (settings != null && stage != null) saveBounds(stage);
        if (runner != null) runner.close();
        SingleInstance instance = singleInstance;
        if (instance != null) instance.close();
    }
}
