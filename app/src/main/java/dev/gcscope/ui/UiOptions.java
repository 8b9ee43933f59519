package dev.gcscope.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the desktop app takes from its command line: trace files to open (each in a tab) and the
 * theme. {@code --dark} or {@code --light} anywhere among the arguments, or
 * {@code -Dgcscope.theme=dark|light}, chooses the theme; without either the app uses the theme it
 * remembered. Plain Java on purpose: the Launcher reads {@link #FLAGS} to tell app options from CLI
 * options without loading JavaFX.
 *
 * @param files the traces to open, in order; empty to open the bundled sample
 * @param dark true or false when the command line chose a theme, null to use the remembered one
 * @param view the id of the view each opened document starts on ({@code --view=pause-timeline}),
 *             null for its first view
 * @param compare {@code --compare}: once the files are open, compare them (File ▸ Compare…)
 * @param incident {@code --incident}: open the files as one incident (File ▸ Open incident…), not each in a tab
 * @param follow {@code -f FILE}: files to open as documents that keep reading them as they grow (File ▸ Follow…)
 */
public record UiOptions(List<Path> files, Boolean dark, String view, boolean compare, boolean incident, List<Path> follow) {
    /** {@code -f FILE}: open FILE as a document that keeps reading it as it grows (File ▸ Follow…). */
    public static final String FOLLOW = "-f";
    /** Options the desktop app takes; any other option belongs to the CLI. */
    public static final Set<String> FLAGS = Set.of("--dark", "--light", "--compare", "--incident", FOLLOW);
    /** {@code --view=ID}: start on that view (ids as the View menu's tabs have them, e.g. {@code regimes}). */
    public static final String VIEW_PREFIX = "--view=";

    public UiOptions {
        files = List.copyOf(files);
        follow = List.copyOf(follow);
    }

    public UiOptions(List<Path> files, Boolean dark) {
        this(files, dark, null);
    }

    public UiOptions(List<Path> files, Boolean dark, String view) {
        this(files, dark, view, false);
    }

    public UiOptions(List<Path> files, Boolean dark, String view, boolean compare) {
        this(files, dark, view, compare, false, List.of());
    }

    /** True for an argument the desktop app takes, so the Launcher does not hand it to the CLI. */
    public static boolean isAppOption(String arg) {
        return FLAGS.contains(arg) || arg.startsWith(VIEW_PREFIX);
    }

    public static UiOptions parse(List<String> args, String themeProperty) {
        List<Path> files = new ArrayList<>();
        Boolean dark = null;
        String view = null;
        boolean compare = false;
        boolean incident = false;
        List<Path> follow = new ArrayList<>();
        if (themeProperty != null && !themeProperty.isBlank()) {
            dark = themeProperty.trim().toLowerCase(Locale.ROOT).equals("dark");
        }
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals(FOLLOW) && i + 1 < args.size()) {
                follow.add(Path.of(args.get(++i)));
            } else if (a.equals("--dark")) {
                dark = true;
            } else if (a.equals("--light")) {
                dark = false;
            } else if (a.equals("--compare")) {
                compare = true;
            } else if (a.equals("--incident")) {
                incident = true;
            } else if (a.startsWith(VIEW_PREFIX) && a.length() > VIEW_PREFIX.length()) {
                view = a.substring(VIEW_PREFIX.length());
            } else if (!a.startsWith("--")) {
                files.add(Path.of(a));
            }
        }
        return new UiOptions(files, dark, view, compare, incident, follow);
    }

    /** The first file, or null: what a single-document caller opens. */
    public Path file() {
        return files.isEmpty() ? null : files.get(0);
    }
}
