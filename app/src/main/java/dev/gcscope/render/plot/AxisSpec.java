package dev.gcscope.render.plot;

/**
 * One axis as a chart asks for it.
 *
 * @param title the axis title with its unit, e.g. {@code "stop-the-world pause (ms)"}
 * @param min smallest value to show
 * @param max largest value to show
 * @param integerTicks ticks only at whole numbers (counts, cycle numbers)
 * @param snapToTicks widen the axis to the nice ticks around the range (a value axis from 0 to 60 ms),
 *     or keep it to the range plus {@link #EDGE_PADDING} (a time axis ending where the trace ends)
 * @param padded leave {@link #EDGE_PADDING} at each end of an axis that does not snap to ticks;
 *     false shows exactly {@code min..max} (a zoomed timeline shows exactly its viewport)
 */
public record AxisSpec(String title, double min, double max, boolean integerTicks, boolean snapToTicks, boolean padded) {
    /** Room left at each end of an axis that does not snap to ticks, as a fraction of its range. */
    public static final double EDGE_PADDING = 0.01;

    public AxisSpec(String title, double min, double max, boolean integerTicks, boolean snapToTicks) {
        this(title, min, max, integerTicks, snapToTicks, true);
    }

    /** An axis showing exactly {@code min..max} (which must differ), with ticks inside it. */
    public static AxisSpec exact(String title, double min, double max) {
        return new AxisSpec(title, min, max, false, false, false);
    }

    /** Ticks for this axis with about {@code maxTicks} of them. */
    public NiceTicks ticks(int maxTicks) {
        NiceTicks t = NiceTicks.covering(min, max, maxTicks);
        if (integerTicks && t.step() < 1) {
            double first = Math.floor(min);
            t = new NiceTicks(first, 1, (int) (Math.max(Math.ceil(max), first + 1) - first) + 1);
        }
        return t;
    }

    /** The data range the axis shows, given its ticks. */
    public double shownMin(NiceTicks ticks) {
        return snapToTicks ? ticks.first() : min - padding();
    }

    public double shownMax(NiceTicks ticks) {
        return snapToTicks ? ticks.last() : max + padding();
    }

    private double padding() {
        if (!padded && max > min) return 0;
        double p = (max - min) * EDGE_PADDING;
        if (integerTicks) p = Math.max(p, 0.5);
        return p > 0 ? p : 0.5;
    }
}
