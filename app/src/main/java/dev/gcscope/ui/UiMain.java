package dev.gcscope.ui;

import javafx.application.Application;

/** Starts the desktop app; called by the Launcher when the command line names no CLI subcommand. */
public final class UiMain {
    private UiMain() {}

    /** Opens the window and returns when it is closed. */
    public static void start(String[] args) {
        Application.launch(GcscopeApp.class, args);
    }
}
