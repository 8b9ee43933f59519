package dev.gcscope.render.timeline;

import static dev.gcscope.parsers.gctrace.GcColumns.FORCED;
import static dev.gcscope.parsers.gctrace.GcColumns.GC;
import static dev.gcscope.parsers.gctrace.GcColumns.RUN;
import static dev.gcscope.parsers.gctrace.GcColumns.START_S;
import static dev.gcscope.parsers.gctrace.GcColumns.STW_MS;

import dev.gcscope.render.plot.StwSeries;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * Reads the {@link StwSeries} the charts plot from a gctrace's cycles table: here, not in the
 * charts, because the column names are the format's and the charts know no format.
 */
public final class GcTraceSeries {
    private GcTraceSeries() {}

    /** From a gctrace cycles table ({@code run}, {@code gc}, {@code start_s}, {@code stw_ms}, {@code forced}). */
    public static StwSeries of(Table cycles) {
        int n = cycles.rowCount();
        DoubleColumn start = cycles.doubleColumn(START_S);
        DoubleColumn stw = cycles.doubleColumn(STW_MS);
        BooleanColumn forcedCol = cycles.booleanColumn(FORCED);
        IntColumn runCol = cycles.intColumn(RUN);
        IntColumn gcCol = cycles.intColumn(GC);
        double[] s = new double[n];
        double[] y = new double[n];
        boolean[] f = new boolean[n];
        int[] r = new int[n];
        int[] g = new int[n];
        for (int i = 0; i < n; i++) {
            s[i] = start.isMissing(i) ? Double.NaN : start.getDouble(i);
            y[i] = stw.isMissing(i) ? Double.NaN : stw.getDouble(i);
            f[i] = Boolean.TRUE.equals(forcedCol.get(i));
            r[i] = runCol.isMissing(i) ? 1 : runCol.getInt(i);
            g[i] = gcCol.isMissing(i) ? -1 : gcCol.getInt(i);
        }
        return StwSeries.of(s, y, f, r, g);
    }
}
