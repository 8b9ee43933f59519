package dev.gcscope.analysis.compare;

import dev.gcscope.analysis.regime.RegimeAnalysis;
import tech.tablesaw.api.Table;

/**
 * One side of a comparison: a gctrace cycles table (with its derived columns, as every loader
 * gives it), the label it is shown under, and the rows compared — the whole trace, or the time range
 * the user selected on this side alone.
 *
 * @param label e.g. "go1.19.log" or "Go 1.19"; the user may edit it
 * @param cycles the whole trace's cycles
 * @param regimes the whole trace's regimes when the caller has them already (the window does);
 *                null to find them. Regimes always come from the whole trace, so a regime keeps its
 *                id whatever range is selected, and the range gets each regime's own pauses.
 * @param fromRow first row compared (inclusive)
 * @param toRow end of the rows compared (exclusive)
 */
public record ComparisonSide(String label, Table cycles, RegimeAnalysis.Result regimes, int fromRow, int toRow) {
    public ComparisonSide {
        if (fromRow < 0 || toRow > cycles.rowCount() || fromRow > toRow) {
            throw new IllegalArgumentException("rows [" + fromRow + ", " + toRow + ") outside 0.." + cycles.rowCount());
        }
    }

    /** The whole trace, regimes to be found. */
    public static ComparisonSide whole(String label, Table cycles) {
        return new ComparisonSide(label, cycles, null, 0, cycles.rowCount());
    }

    /** The same trace with only rows [fromRow, toRow) compared. */
    public ComparisonSide range(int from, int to) {
        return new ComparisonSide(label, cycles, regimes, from, to);
    }

    public ComparisonSide withLabel(String newLabel) {
        return new ComparisonSide(newLabel, cycles, regimes, fromRow, toRow);
    }

    public boolean isWhole() {
        return fromRow == 0 && toRow == cycles.rowCount();
    }
}
