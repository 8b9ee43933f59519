package dev.gcscope.ui.window;

import dev.gcscope.build.BuildVersion;

/**
 * What Help ▸ About states: gcscope's version as Maven recorded it in the jar (as
 * {@code gcscope --version} states it), the Java runtime and the JavaFX runtime the window runs on.
 */
record AboutInfo(String version, String java, String javafx) {
    static final String LICENCE = "Apache License 2.0";

    static AboutInfo current() {
        return new AboutInfo(BuildVersion.version(),
                Runtime.version() + " (" + System.getProperty("java.vendor", "unknown vendor") + ")",
                // Set by the toolkit when it starts; the window exists, so it has.
                System.getProperty("javafx.runtime.version", "unknown"));
    }
}
