package dev.gcscope.ui;

/** Placeholder until the first window lands: starts the JavaFX app. */
public final class UiMain {
    private UiMain() {}

    public static void start(String[] args) {
        System.err.println("gcscope: the desktop app is not built yet");
    }
}
