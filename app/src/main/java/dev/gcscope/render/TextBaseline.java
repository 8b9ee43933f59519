package dev.gcscope.render;

/** What a text's y is: its top, its vertical centre, its baseline or its bottom (JavaFX's {@code VPos}). */
public enum TextBaseline { TOP, CENTER, BASELINE, BOTTOM }
