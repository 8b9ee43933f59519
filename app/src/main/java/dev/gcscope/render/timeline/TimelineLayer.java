package dev.gcscope.render.timeline;

import dev.gcscope.render.Painter;

/**
 * One layer of a timeline's plot. It draws on the painter it is given with the colours of the frame,
 * and knows no node: the chart's canvas is one target, an exported file another.
 */
interface TimelineLayer {
    void draw(Painter g, TimelineFrame frame);
}
