package dev.gcscope.render.chart;

/**
 * Where the names of vertical marker lines go (P50, P90, P99 on a histogram) so that no two names
 * overlap and no name crosses another marker's line: P50 and P90 of a narrow latency distribution
 * sit a few pixels apart, and "P50" written to the right of its line ran over the P90 line and
 * label (issue 15). Each name goes beside its line, right if there is room, else left, in the first
 * row (from the top) where it is clear; rows are a text line apart. Only where lines are closer
 * together than a name on both sides of its own does a name cross a line, never another name.
 */
public final class MarkerLabels {
    /** Between a line and its name. */
    public static final double GAP = 3;

    private MarkerLabels() {}

    /**
     * A name's place: its left edge and its row (0 at the top).
     */
    public record Place(double x, int row) {}

    /**
     * @param lineX each marker's line, pixels (NaN for a marker not drawn: its place is null)
     * @param widths each name's width, pixels
     * @param left the plot's left edge
     * @param right the plot's right edge
     */
    public static Place[] place(double[] lineX, double[] widths, double left, double right) {
        int n = lineX.length;
        Place[] out = new Place[n];
        int crowded = 0;
        for (int m = 0; m < n; m++) {
            if (Double.isNaN(lineX[m])) continue;
            double w = widths[m];
            double rightOf = lineX[m] + GAP, leftOf = lineX[m] - GAP - w;
            for (int row = 0; row < n && out[m] == null; row++) {
                if (rightOf + w <= right && clear(rightOf, w, row, m, lineX, widths, out)) out[m] = new Place(rightOf, row);
                else if (leftOf >= left && clear(leftOf, w, row, m, lineX, widths, out)) out[m] = new Place(leftOf, row);
            }
            // Lines closer together than a name is wide on both sides: the name crosses a line, on a row
            // of its own under the others, so it still overlaps no other name.
            if (out[m] == null) out[m] = new Place(Math.max(left, Math.min(rightOf, right - w)), n + crowded++);
        }
        return out;
    }

    /** True when [x, x+w] on {@code row} crosses no other marker's line and no name already placed on that row. */
    private static boolean clear(double x, double w, int row, int self, double[] lineX, double[] widths, Place[] placed) {
        for (int o = 0; o < lineX.length; o++) {
            if (o == self || Double.isNaN(lineX[o])) continue;
            if (lineX[o] >= x - 1 && lineX[o] <= x + w + 1) return false;
            Place p = placed[o];
            if (p != null && p.row() == row && p.x() < x + w + GAP && x < p.x() + widths[o] + GAP) return false;
        }
        return true;
    }
}
