package dev.gcscope.render.plot;

import dev.gcscope.render.Painter;
import dev.gcscope.render.TextMetrics;

/**
 * What one chart shows inside its frame: the ranges of its axes, how their ticks read, and its data.
 * {@link PlotFrame} asks in this order, once per drawing: {@link #xAxis()}, {@link #yAxis()}, the y
 * ticks, {@link #xPixelsPerTick}, {@link #xTicks}, the labels, then {@link #drawData} (a timeline
 * finds the cycles in view in {@code xAxis()} and draws them later).
 */
public interface PlotContent {
    /** The x axis to draw, or null when there is no data (the frame then shows the placeholder). */
    AxisSpec xAxis();

    /** The y axis to draw, or null when there is no data. */
    AxisSpec yAxis();

    /**
     * Whether the x axis is logarithmic: {@link #xAxis()} gives the log10 of the range, ticks are
     * labelled with values ({@link LogTicks}), and {@link #drawData} maps {@code log10(value)}.
     */
    default boolean logX() {
        return false;
    }

    /** Like {@link #logX()}, for the y axis. */
    default boolean logY() {
        return false;
    }

    /** Label of x tick {@code i}; a log axis shows the value itself, a time axis clock times. */
    default String xTickLabel(AxisTicks ticks, int i) {
        return ticks.label(i);
    }

    default String yTickLabel(AxisTicks ticks, int i) {
        return ticks.label(i);
    }

    /** Ticks of the x axis for about {@code maxTicks} of them (a time axis puts them on whole minutes). */
    default AxisTicks xTicks(AxisSpec spec, int maxTicks) {
        return PlotFrame.ticks(spec, logX(), maxTicks);
    }

    /**
     * Ticks of the y axis for about {@code maxTicks} of them (one per {@link PlotFrame#Y_PIXELS_PER_TICK});
     * a log axis labels every decade as long as a label fits in each (at 42 pixels a tick the GC CPU
     * view's short chart skipped every other decade).
     */
    default AxisTicks yTicks(AxisSpec spec, int maxTicks) {
        return logY() ? PlotFrame.everyDecade(spec, maxTicks) : PlotFrame.ticks(spec, false, maxTicks);
    }

    /** Room each x tick label needs, in pixels; wider labels (clock times) ask for more. */
    default double xPixelsPerTick(TextMetrics text) {
        return PlotFrame.X_PIXELS_PER_TICK;
    }

    /** Draws the data inside {@code area}, clipped to it; background, grid and tick labels are drawn already. */
    void drawData(Painter g, PlotArea area);
}
