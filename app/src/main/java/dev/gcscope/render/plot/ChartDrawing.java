package dev.gcscope.render.plot;

import dev.gcscope.render.Painter;

/**
 * A chart ready to be drawn: its data, view state and colours fixed when it was made, so it can be
 * drawn later, at any size, on any thread and any {@link Painter} (a PNG, an SVG, a report).
 */
public interface ChartDrawing {
    /** Draws the chart {@code width} by {@code height} pixels from (0, 0), over what is there. */
    void paint(Painter g, double width, double height);
}
