package dev.gcscope.render;

/** Where text stands relative to its x: as JavaFX's {@code TextAlignment} on a canvas (justify aside). */
public enum TextAlign { LEFT, CENTER, RIGHT }
