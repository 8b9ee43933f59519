package dev.gcscope.ui.timeline;

import dev.gcscope.render.plot.TimeRange;
import javafx.beans.property.ObjectProperty;
import javafx.scene.Node;
import javafx.scene.input.KeyEvent;

/**
 * The keys of a focused timeline, turned into viewport and selection commands: ← → pan, + − zoom
 * about the middle, Home shows everything, Escape clears the selection.
 */
final class TimelineKeys {
    /** Zoom per + key (− zooms out by its inverse). */
    static final double KEY_ZOOM = 0.8;
    /** Pan per arrow key, as a fraction of the range shown. */
    static final double KEY_PAN = 0.1;

    private final TimelineViewport viewport;
    private final ObjectProperty<TimeRange> selection;

    private TimelineKeys(TimelineViewport viewport, ObjectProperty<TimeRange> selection) {
        this.viewport = viewport;
        this.selection = selection;
    }

    static void install(Node chart, TimelineViewport viewport, ObjectProperty<TimeRange> selection) {
        chart.addEventHandler(KeyEvent.KEY_PRESSED, new TimelineKeys(viewport, selection)::pressed);
    }

    private void pressed(KeyEvent e) {
        if (viewport.shown() == null) return;
        switch (e.getCode()) {
            case LEFT -> viewport.pan(-KEY_PAN);
            case RIGHT -> viewport.pan(KEY_PAN);
            case PLUS, EQUALS, ADD -> viewport.zoom(viewport.centre(), KEY_ZOOM);
            case MINUS, SUBTRACT -> viewport.zoom(viewport.centre(), 1 / KEY_ZOOM);
            case HOME -> viewport.showAll();
            case ESCAPE -> selection.set(null);
            default -> {
                return;
            }
        }
        e.consume();
    }
}
