package dev.gcscope;

import dev.gcscope.cli.GcscopeCli;
import dev.gcscope.ui.UiMain;
import dev.gcscope.ui.UiOptions;

/**
 * Entry point of {@code gcscope.jar}. With a subcommand it runs headless and never touches JavaFX;
 * otherwise (no arguments, or file arguments) it opens the desktop app. This class must not extend
 * {@code javafx.application.Application}: launched from a plain jar, such a main class fails with
 * "JavaFX runtime components are missing".
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        if (args.length > 0 && !UiOptions.isAppOption(args[0]) && GcscopeCli.isCliInvocation(args[0])) {
            System.exit(GcscopeCli.run(args));
        }
        UiMain.start(args);
    }
}
