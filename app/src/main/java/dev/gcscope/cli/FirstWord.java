package dev.gcscope.cli;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the Launcher says when the first word of a command line is neither a subcommand nor a file
 * ({@code gcscope reprot gc.log}), and when there is no display for the window: one line each on
 * stderr, never the toolkit's stack trace. Plain Java: it runs before (and instead of) JavaFX.
 */
public final class FirstWord {
    /** A word a person types as a command: letters, digits and dashes, no dot or slash (those are file names). */
    private static final Pattern COMMAND_LIKE = Pattern.compile("[A-Za-z][A-Za-z0-9-]*");
    /** Farther than this from every command, a suggestion would be a guess: the list is shown instead. */
    private static final int MAX_SUGGESTION_EDITS = 3;

    private FirstWord() {}

    /** The subcommands in the order {@code gcscope --help} lists them. */
    public static List<String> commands() {
        return List.copyOf(new GcscopeCli(System.out, System.err, false).commandLine().getSubcommands().keySet());
    }

    /** True when {@code word} looks like a command and is not a file in the working directory. */
    public static boolean isUnknownCommand(String word) {
        if (!COMMAND_LIKE.matcher(word).matches() || GcscopeCli.COMMANDS.contains(word)) return false;
        try {
            return !Files.exists(Path.of(word));
        } catch (InvalidPathException e) {
            return true;
        }
    }

    /** {@code gcscope: unknown command 'reprot'; did you mean 'report'? Commands: …} */
    public static String unknownCommand(String word, List<String> commands) {
        String nearest = null;
        int best = Integer.MAX_VALUE;
        for (String c : commands) {
            int d = editDistance(word.toLowerCase(java.util.Locale.ROOT), c);
            if (d < best) {
                best = d;
                nearest = c;
            }
        }
        String suggestion = nearest != null && best <= MAX_SUGGESTION_EDITS ? "; did you mean '" + nearest + "'?" : ";";
        return "gcscope: unknown command '" + word + "'" + suggestion + " commands: " + String.join(", ", commands)
                + " (gcscope help COMMAND); a file to open must exist";
    }

    /** {@code gcscope: no display to open the window on …; these commands run without one: …} */
    public static String noDisplay(String why, List<String> commands) {
        return "gcscope: no display to open the window on (" + why + "); these commands run without one: "
                + String.join(", ", commands.stream().map(c -> "gcscope " + c).toList());
    }

    /**
     * Levenshtein distance, counting a swap of two neighbours as one edit (the optimal string
     * alignment variant): {@code reprot} is one edit from {@code report}, as a typist would count.
     * Twenty lines here rather than a library for the one call.
     */
    static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
