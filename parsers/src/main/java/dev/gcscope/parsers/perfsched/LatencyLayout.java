package dev.gcscope.parsers.perfsched;

/**
 * The columns a {@code perf sched latency} header announces, which say how complete a row must be
 * (formats.md §2.1):
 * <pre>
 *   Task              |  Runtime ms | Switches | Average delay ms | Maximum delay ms |                                     (era A, 2.6.31)
 *   Task                  |   Runtime ms  | Switches | Average delay ms | Maximum delay ms | Maximum delay at       |    (era B, to 5.9)
 *   Task                  |   Runtime ms  | Switches | Avg delay ms    | Max delay ms    | Max delay start           | Max delay end          |   (era C, 5.10-6.9)
 *   Task                  |   Runtime ms  |  Count   | Avg delay ms    | Max delay ms    | Max delay start           | Max delay end          |   (era D)
 *   Task                  |   Runtime ms  | Switches | Avg delay ms    | Max delay ms    | Sum delay ms     |   (out-of-tree sum column)
 * </pre>
 */
final class LatencyLayout {
    /** KEY_* bits of {@link LatencyRow} every row under this header has; 0 until a header is read. */
    int keys;
    String countLabel = "";
    boolean known;
    /** The header's column titles in order (Task, Runtime ms, Switches, ...), for the TOTAL row's unkeyed fields. */
    final java.util.List<String> titles = new java.util.ArrayList<>();
    private boolean titlesClosed;

    /** Whether {@code b[p, e)} is a latency header line: {@code Task}, {@code Runtime ms} and bars. */
    static boolean isHeader(byte[] b, int p, int e) {
        return PasteText.startsWith(b, p, e, "Task") && PasteText.contains(b, p, e, "Runtime ms")
                && PasteText.contains(b, p, e, "|");
    }

    /** A wrapped header's second line: more column titles, no task or number. */
    static boolean isHeaderContinuation(byte[] b, int p, int e) {
        if (!PasteText.contains(b, p, e, "delay") && !PasteText.contains(b, p, e, "Switches")
                && !PasteText.contains(b, p, e, "Count")) {
            return false;
        }
        for (int i = p; i < e; i++) {
            if (PasteText.isDigit(b[i]) || b[i] == ':') return false;
        }
        return true;
    }

    void read(byte[] b, int p, int e) {
        if (!known) {
            keys = 0;
            countLabel = "";
            titles.clear();
        }
        known = true;
        // A wrapped header's next line continues the last title when the line before ended inside it
        // ("| Max" then "delay ms |"), and starts a new one after a bar.
        String text = PasteText.ascii(b, p, e);
        String[] parts = text.split("\\|", -1);
        for (int k = 0; k < parts.length; k++) {
            String t = parts[k].trim();
            if (k == 0 && !titles.isEmpty() && !titlesClosed) {
                titles.set(titles.size() - 1, (titles.get(titles.size() - 1) + " " + t).trim());
            } else if (!t.isEmpty() || k < parts.length - 1) {
                titles.add(t);
            }
        }
        titlesClosed = text.endsWith("|");
        if (PasteText.contains(b, p, e, "Average delay") || PasteText.contains(b, p, e, "Avg delay")) keys |= LatencyRow.KEY_AVG;
        if (PasteText.contains(b, p, e, "Maximum delay ms") || PasteText.contains(b, p, e, "Max delay ms")) keys |= LatencyRow.KEY_MAX;
        if (PasteText.contains(b, p, e, "delay at")) keys |= LatencyRow.KEY_AT;
        if (PasteText.contains(b, p, e, "delay start")) keys |= LatencyRow.KEY_START;
        if (PasteText.contains(b, p, e, "delay end")) keys |= LatencyRow.KEY_END;
        if (PasteText.contains(b, p, e, "Sum delay")) keys |= LatencyRow.KEY_SUM;
        if (PasteText.contains(b, p, e, "Switches")) countLabel = "Switches";
        if (PasteText.contains(b, p, e, " Count ") || PasteText.contains(b, p, e, "|Count")) countLabel = "Count";
    }

    /** A new table starts: the next header replaces this one's columns. */
    void startTable() {
        known = false;
    }

    /** Whether {@code row} has every column this header announces (a trimmed copy may lack the count). */
    boolean complete(LatencyRow row) {
        boolean count = countLabel.isEmpty() || row.switches != LatencyRow.NONE;
        return row.runtimeNs != LatencyRow.NONE && count && row.has(LatencyRow.KEY_AVG) && row.has(LatencyRow.KEY_MAX)
                && (row.keys & keys) == keys;
    }

    /** Whether rows end with a bar: those without a max-delay time (era A, the sum variant) do. */
    boolean rowsEndWithBar() {
        return known && (keys & (LatencyRow.KEY_AT | LatencyRow.KEY_START | LatencyRow.KEY_END)) == 0;
    }

    /** The title of column {@code i} (0 = Task), or empty. */
    String title(int i) {
        return i < titles.size() ? titles.get(i) : "";
    }

    /** E.g. {@code era C (Max delay start/end, "Switches")}. */
    String describe() {
        if (!known) return "no header";
        String era;
        if ((keys & LatencyRow.KEY_START) != 0) era = "Count".equals(countLabel) ? "era D" : "era C";
        else if ((keys & LatencyRow.KEY_AT) != 0) era = "era B";
        else if ((keys & LatencyRow.KEY_SUM) != 0) era = "sum-column variant";
        else era = "era A";
        String cols = (keys & LatencyRow.KEY_START) != 0 ? "Max delay start/end"
                : (keys & LatencyRow.KEY_AT) != 0 ? "Maximum delay at" : "no max-delay time";
        if ((keys & LatencyRow.KEY_SUM) != 0) cols += ", Sum delay";
        return era + " (" + cols + (countLabel.isEmpty() ? "" : ", \"" + countLabel + "\"") + ")";
    }
}
