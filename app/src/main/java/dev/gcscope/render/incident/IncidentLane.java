package dev.gcscope.render.incident;

import java.util.List;

/**
 * One lane of the incident view as drawn: arrays of the analysis' {@code IncidentLanes}, one value per
 * bin of the incident's grid, named and given a tone, and the figures the hover readout adds without
 * drawing them. Nothing here is computed: every array is the analysis' own.
 *
 * @param id stable id, the chart's CSS id ({@code incident-lane-quota})
 * @param title what the lane shows, written in its top left corner
 * @param unit the y axis title: the unit
 * @param logY latencies span decades (a P50 of 50 µs under a P99 of 1.6 s): a log10 axis
 * @param series what is drawn, first in front
 * @param facts what the readout adds (the periods behind a throttled share, GOMAXPROCS behind goroutines per P)
 * @param source the file the lane was read from
 * @param cycles GC cycles along the top of the lane, null for none
 * @param notes per bin, a sentence the readout adds about where the bin's figures came from (null entries, or null for none)
 */
public record IncidentLane(String id, String title, String unit, boolean logY, List<Series> series, List<Fact> facts, String source, Spans cycles,
                           String[] notes) {
    public IncidentLane {
        series = List.copyOf(series);
        facts = List.copyOf(facts);
    }

    public IncidentLane(String id, String title, String unit, boolean logY, List<Series> series, List<Fact> facts, String source, Spans cycles) {
        this(id, title, unit, logY, series, facts, source, cycles, null);
    }

    /** The readout's note for {@code bin}, null for none. */
    public String note(int bin) {
        return notes == null || bin < 0 || bin >= notes.length ? null : notes[bin];
    }

    /** Which of the chart's colours a series takes (CSS {@code -chart-tone-1-stroke} …, {@code -chart-bar-fill}). */
    public enum Tone { FIRST, SECOND, THIRD, BAR }

    /** Bars fill each bin from the axis up; a line joins the bins' centres and breaks at NaN. */
    public enum Style { BARS, LINE }

    /**
     * @param name as the readout and legend say it ({@code P99})
     * @param unit the readout's unit after the value ({@code ms}, {@code %}); empty for counts
     * @param scale what the analysis' values are multiplied by for display (100 for a share shown in %)
     * @param atLeast per bin, whether the value is only a lower bound (a quantile above a histogram's highest finite
     *                bucket); null when every value is exact
     */
    public record Series(String name, Tone tone, Style style, double[] values, String unit, double scale, boolean[] atLeast) {
        public Series(String name, Tone tone, Style style, double[] values, String unit, double scale) {
            this(name, tone, style, values, unit, scale, null);
        }

        public double shown(int bin) {
            return bin < 0 || bin >= values.length ? Double.NaN : values[bin] * scale;
        }

        public boolean isAtLeast(int bin) {
            return atLeast != null && bin >= 0 && bin < atLeast.length && atLeast[bin];
        }
    }

    /** A figure for the readout only. */
    public record Fact(String name, double[] values, String unit, double scale) {
        public double shown(int bin) {
            return bin < 0 || bin >= values.length ? Double.NaN : values[bin] * scale;
        }
    }

    /** GC cycles drawn as thin spans along the top of a lane (the GC lane), start and end on the incident's clock. */
    public record Spans(double[] startS, double[] endS) {}
}
