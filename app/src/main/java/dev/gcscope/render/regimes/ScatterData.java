package dev.gcscope.render.regimes;

import dev.gcscope.analysis.regime.Regime;
import dev.gcscope.analysis.regime.RegimeScatterPoints;
import java.util.List;

/**
 * What the regime scatter draws: the trace's points, the selection's rows and their grid.
 *
 * @param regimeOfRow shared with the document's data; not modified
 * @param from first row of the selection
 * @param to end of the selection (exclusive)
 */
public record ScatterData(RegimeScatterPoints points, int[] regimeOfRow, List<Regime> regimes, int from, int to,
                          RegimeScatterPoints.Grid grid) {
    /** Cells across and up the grid a large selection is drawn as. */
    public static final int GRID_COLS = 400, GRID_ROWS = 240;
    /** Up to this many cycles are drawn as dots at their exact places. */
    public static final int EXACT_LIMIT = 20_000;

    public static ScatterData of(RegimeScatterPoints points, int[] regimeOfRow, List<Regime> regimes, int from, int to) {
        return new ScatterData(points, regimeOfRow, regimes, from, to,
                points.bin(regimeOfRow, regimes.size(), from, to, GRID_COLS, GRID_ROWS));
    }

    public boolean isEmpty() {
        return points.isEmpty() || grid.placed() == 0;
    }

    public boolean exact() {
        return grid.placed() <= EXACT_LIMIT;
    }
}
