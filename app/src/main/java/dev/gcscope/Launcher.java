package dev.gcscope;

import dev.gcscope.cli.FirstWord;
import dev.gcscope.cli.GcscopeCli;
import dev.gcscope.ui.UiOptions;
import dev.gcscope.ui.app.UiMain;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Optional;

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
    /**
     * {@code -Dgcscope.train=TRACE}: the installer's class-data-sharing training run. One JVM writes
     * one archive, so this one runs {@code summary TRACE}, {@code summary --json TRACE} and {@code help}
     * quietly and then opens TRACE in the
     * window (the run also sets {@code -Dgcscope.startup.exit=true}, so the window closes itself once
     * the statistics are shown): the archive then holds what both faces load.
     */
    static final String TRAINING_PROPERTY = "gcscope.train";

    private Launcher() {}

    /** As {@code gcscope <command>} exits on a usage error. */
    private static final int USAGE = 2;
    private static final int NO_WINDOW = 1;

    public static void main(String[] args) {
        String training = System.getProperty(TRAINING_PROPERTY);
        if (training != null && !training.isBlank()) {
            PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
            GcscopeCli cli = new GcscopeCli(nowhere, nowhere, false);
            // summary as text and as JSON, and help (picocli's models of every command, which
            // summary's plain command line no longer builds), so the archive holds what each needs
            cli.execute("summary", training);
            cli.execute("summary", "--json", training);
            cli.execute("help");
            args = new String[] {training};
        }
        if (args.length > 0 && !UiOptions.isAppOption(args[0]) && GcscopeCli.isCliInvocation(args[0])) {
            System.exit(GcscopeCli.run(args));
        }
        // gcscope reprot gc.log: a mistyped command, not a file to open in a window.
        if (args.length > 0 && !UiOptions.isAppOption(args[0]) && FirstWord.isUnknownCommand(args[0])) {
            System.err.println(FirstWord.unknownCommand(args[0], FirstWord.commands()));
            System.exit(USAGE);
        }
        Optional<String> noDisplay = DisplayCheck.missing();
        if (noDisplay.isPresent()) noWindow(noDisplay.get());
        try {
            UiMain.start(args);
        } catch (RuntimeException e) {
            // DISPLAY set but nothing answers there (an SSH session without X forwarding).
            if (!DisplayCheck.isNoDisplayFailure(e)) throw e;
            noWindow("the display " + System.getenv("DISPLAY") + " cannot be opened");
        }
    }

    private static void noWindow(String why) {
        System.err.println(FirstWord.noDisplay(why, FirstWord.commands()));
        System.exit(NO_WINDOW);
    }
}
