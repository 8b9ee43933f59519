package dev.gcscope.ui.view;

import javafx.scene.Node;

/**
 * One view of an open trace, e.g. the pause timeline: a tab in the trace's view list. Views bind
 * to their document's model when created and never do IO or heavy work on the UI thread.
 */
public interface TraceView {
    /** The tab's name, e.g. "Pause timeline". */
    String title();

    /** A stable id for tests and shortcuts, e.g. "pause-timeline". */
    String id();

    Node root();
}
