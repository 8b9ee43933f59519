package dev.gcscope.ui.app;

import dev.gcscope.instance.SingleInstance;
import dev.gcscope.preinit.BackgroundPreinitializer;
import dev.gcscope.ui.UiOptions;
import dev.gcscope.ui.window.DemoSamples;
import dev.gcscope.ui.window.MainWindowViewModel;
import dev.gcscope.ui.workspace.EarlyLoad;
import java.io.IOException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Application;

/** Starts the desktop app; called by the Launcher when the command line names no CLI subcommand. */
public final class UiMain {
    /**
     * JavaFX warns "Unsupported JavaFX configuration: classes were loaded from 'unnamed module'" on
     * every start from a plain jar. That is how {@code java -jar gcscope.jar} runs, by design (the
     * native installers put JavaFX on the module path), so the warning only alarms users. Kept in a
     * field: java.util.logging holds loggers weakly, and a collected logger forgets its level.
     */
    private static final Logger JAVAFX_LOG = Logger.getLogger("javafx");

    private UiMain() {}

    /**
     * Opens the window and returns when it is closed; or, when a gcscope window is open already,
     * hands it the files to open and exits.
     */
    public static void start(String[] args) {
        // read here for the hand-off and the early load; the window reads them again with the theme it was given
        UiOptions options = UiOptions.parse(List.of(args), null);
        GcscopeApp.singleInstance = claimTheWindow(options);
        JAVAFX_LOG.setLevel(Level.SEVERE);
        // The toolkit takes a second to start on one core; the other reads what the window will show
        // first meanwhile (with nothing to read early, it loads the parser and analysis classes).
        GcscopeApp.earlyLoad = loadEarly(options);
        if (GcscopeApp.earlyLoad == null) BackgroundPreinitializer.start(true);
        Application.launch(GcscopeApp.class, args);
    }

    /**
     * The load of the first document the window opens (see {@link GcscopeApp#openFromCommandLine}),
     * started now: the first file of the command line, or without files the demo trace; null when
     * there is none to start (an incident, a follow, a FIFO).
     */
    private static EarlyLoad loadEarly(UiOptions options) {
        try {
            // an incident reads its files as one, not each as a document
            if (options.incident()) return null;
            BackgroundPreinitializer.initColumnTypes();
            if (!options.files().isEmpty()) return MainWindowViewModel.loadEarly(options.files().get(0)).orElse(null);
            return options.follow().isEmpty() ? MainWindowViewModel.loadSampleEarly(DemoSamples.DEFAULT_GCTRACE) : null;
        } catch (RuntimeException e) {
            return null; // the window opens the files itself and reports what is wrong with them
        }
    }

    /** This process's listener if it is the first window, null if it has a window of its own without one. */
    private static SingleInstance claimTheWindow(UiOptions options) {
        if (!SingleInstance.enabled()) return null;
        // -f FILE keeps reading for as long as its window lives; the hand-off carries files to open
        // once, not a follow, so a follow opens a window of its own.
        if (!options.follow().isEmpty()) return null;
        SingleInstance instance = SingleInstance.forUser();
        try {
            if (instance.tryBecomePrimary()) {
                instance.listen();
                return instance;
            }
            // the hand-over carries files only: an incident's files would open each in a tab there, so it opens here
            if (!options.incident() && instance.handOff(options.files())) System.exit(0);
        } catch (IOException | RuntimeException e) {
            // no private runtime folder or no socket: this window simply does without
        }
        return null;
    }
}
