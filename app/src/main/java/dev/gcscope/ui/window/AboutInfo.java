package dev.gcscope.ui.window;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * What Help ▸ About states: gcscope's version as Maven recorded it in the jar (the same
 * {@code pom.properties} {@code gcscope --version} reads; the UI does not depend on the CLI), the
 * Java runtime and the JavaFX runtime the window runs on.
 */
record AboutInfo(String version, String java, String javafx) {
    static final String LICENCE = "Apache License 2.0";
    private static final String POM_PROPERTIES = "/META-INF/maven/dev.gcscope/gcscope-app/pom.properties";

    static AboutInfo current() {
        return new AboutInfo(recordedVersion(),
                Runtime.version() + " (" + System.getProperty("java.vendor", "unknown vendor") + ")",
                // Set by the toolkit when it starts; the window exists, so it has.
                System.getProperty("javafx.runtime.version", "unknown"));
    }

    private static String recordedVersion() {
        try (InputStream in = AboutInfo.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version");
                if (v != null && !v.isBlank()) return v.strip();
            }
        } catch (IOException e) {
            // fall through to the manifest
        }
        String v = AboutInfo.class.getPackage().getImplementationVersion();
        return v != null ? v : "development build";
    }
}
