package dev.gcscope.parsers.perfsched;

/** What mail clients and editors do to pasted text, for tests. */
final class Wrapping {
    /**
     * {@code fold -s -w width}: a line longer than {@code width} is broken after the last blank that
     * fits (the blank stays at the end of the first piece), or at {@code width} when there is none.
     */
    static String fold(String text, int width) {
        StringBuilder out = new StringBuilder(text.length() + text.length() / 8);
        for (String line : text.split("\n", -1)) {
            String rest = line;
            while (rest.length() > width) {
                int cut = rest.lastIndexOf(' ', width - 1);
                cut = cut <= 0 ? width : cut + 1;
                out.append(rest, 0, cut).append('\n');
                rest = rest.substring(cut);
            }
            out.append(rest).append('\n');
        }
        out.setLength(out.length() - 1);
        return out.toString();
    }

    /** Every line prefixed (an e-mail quote {@code "> "}, a Markdown indent). */
    static String quote(String text, String prefix) {
        StringBuilder out = new StringBuilder();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i == lines.length - 1 && lines[i].isEmpty()) break;
            out.append(prefix).append(lines[i]).append('\n');
        }
        return out.toString();
    }

    private Wrapping() {}
}
