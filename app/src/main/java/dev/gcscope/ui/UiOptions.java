package dev.gcscope.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the desktop app takes from its command line: an optional trace file and the theme.
 * {@code --dark} anywhere among the arguments, or {@code -Dgcscope.theme=dark}, starts it dark.
 * Plain Java on purpose: the Launcher reads {@link #FLAGS} to tell app options from CLI options
 * without loading JavaFX.
 *
 * @param file the trace to open, or null to open the bundled sample
 * @param dark start with the dark theme
 */
public record UiOptions(Path file, boolean dark) {
    /** Options the desktop app takes; any other option belongs to the CLI. */
    public static final Set<String> FLAGS = Set.of("--dark", "--light");

    public static UiOptions parse(List<String> args, String themeProperty) {
        Path file = null;
        boolean dark = themeProperty != null && themeProperty.trim().toLowerCase(Locale.ROOT).equals("dark");
        for (String a : args) {
            if (a.equals("--dark")) {
                dark = true;
            } else if (a.equals("--light")) {
                dark = false;
            } else if (file == null && !a.startsWith("--")) {
                file = Path.of(a);
            }
        }
        return new UiOptions(file, dark);
    }
}
