package dev.gcscope.ui.timeline;

import javafx.scene.canvas.GraphicsContext;

/**
 * One layer of a timeline's plot. It draws on the graphics it is given, with the colours it was
 * made with, and knows no node: the chart's canvas is one target, an exported image could be another.
 */
interface TimelineLayer {
    void draw(GraphicsContext g, TimelineFrame frame);
}
