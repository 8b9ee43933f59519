package dev.gcscope.ui.view;

/**
 * One figure of a document's summary, already written out: "Tasks" / "42".
 *
 * @param id stable id for tests and CSS, e.g. {@code tasks}
 */
public record KeyFigure(String id, String caption, String value) {}
