package dev.gcscope.render.plot;

/** The ticks of one axis as a chart draws them: positions in axis units, with labels. */
public interface AxisTicks {
    int count();

    /** Position of tick {@code i}, in the axis's units (log10 of the value on a log axis). */
    double at(int i);

    String label(int i);
}
