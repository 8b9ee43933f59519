package dev.gcscope.export.report;

/**
 * The part of a gctrace a report covers when a time range was selected: the range as given, in
 * seconds on the timelines' x axis (runs laid end to end, as the window's selection), and the cycles
 * (rows of the cycles table) inside it.
 *
 * @param fromS start of the range, seconds
 * @param toS end of the range, seconds
 * @param fromRow first cycle inside (inclusive)
 * @param toRow end of the cycles inside (exclusive)
 * @param totalRows cycles in the whole trace
 */
public record CycleSpan(double fromS, double toS, int fromRow, int toRow, int totalRows) {
    public CycleSpan {
        if (fromRow < 0 || toRow > totalRows || fromRow > toRow) {
            throw new IllegalArgumentException("rows [" + fromRow + ", " + toRow + ") outside 0.." + totalRows);
        }
    }

    public int cycles() {
        return toRow - fromRow;
    }
}
