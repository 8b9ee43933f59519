package dev.gcscope;

import dev.gcscope.cli.GcscopeCli;
import dev.gcscope.ui.UiOptions;
import dev.gcscope.ui.app.UiMain;

/**
 * Entry point of {@code gcscope.jar}. With a subcommand it runs headless and never touches JavaFX;
 * otherwise (no arguments, or file arguments) it opens the desktop app. This class must not extend
 * {@code javafx.application.Application}: launched from a plain jar, such a main class fails with
 * "JavaFX runtime components are missing".
 *
 * <p>It sits alone above everything: the CLI and the desktop app know nothing of each other or of
 * it, and what both start with (the {@link dev.gcscope.preinit.BackgroundPreinitializer}) lives in
 * a package of its own below them.
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
