package dev.gcscope.ui.window;

/**
 * One input that could not be opened, as the error banner lists it: a short headline that fits one
 * line at 1024 px (the file's name and the first clause of the reason) and the whole message, path
 * included, one click away.
 *
 * @param source the path or name the input was opened under; an error for the same source replaces
 *               the older one, and a later successful open of it removes it
 * @param message the whole one-line message, e.g. {@code /tmp/x.png: not a format gcscope reads (…); gcscope reads …}
 */
public record LoadError(String source, String message) {

    /**
     * {@code x.png: not a format gcscope reads (it looks like binary data, not text)}: the path cut to
     * its file name, and what follows the reason's first {@code "; "} or {@code " — "} left to
     * {@link #details()}.
     */
    public String headline() {
        String s = message;
        if (s.startsWith(source + ": ")) s = fileName(source) + s.substring(source.length());
        int cut = firstOf(s, "; ", " — ");
        return cut < 0 ? s : s.substring(0, cut);
    }

    /** Everything the headline leaves out: the full path and the rest of the message. */
    public String details() {
        return message;
    }

    /** Whether {@link #details()} says more than {@link #headline()}. */
    public boolean hasMoreDetails() {
        return !headline().equals(message);
    }

    private static int firstOf(String s, String... marks) {
        int best = -1;
        for (String m : marks) {
            int i = s.indexOf(m);
            if (i >= 0 && (best < 0 || i < best)) best = i;
        }
        return best;
    }

    private static String fileName(String source) {
        int slash = Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\'));
        return slash < 0 || slash == source.length() - 1 ? source : source.substring(slash + 1);
    }
}
