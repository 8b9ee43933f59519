package dev.gcscope.render.plot;

import dev.gcscope.render.Rgba;

/**
 * One entry of a legend drawn into a picture: a small mark in the colour the chart uses, and what it
 * stands for.
 *
 * @param opacity of the mark's fill (a band drawn translucent over the plot shows as it looks there)
 * @param dashed a line drawn dashed (a target rather than a measurement)
 */
public record LegendEntry(String label, Mark mark, Rgba colour, double opacity, boolean dashed) {
    /** How an entry's mark is drawn, as the chart draws what it stands for. */
    public enum Mark { BOX, LINE, DIAMOND, TICK }

    public static LegendEntry box(String label, Rgba colour) {
        return new LegendEntry(label, Mark.BOX, colour, 1, false);
    }

    public static LegendEntry line(String label, Rgba colour, boolean dashed) {
        return new LegendEntry(label, Mark.LINE, colour, 1, dashed);
    }
}
