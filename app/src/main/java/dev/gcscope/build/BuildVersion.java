package dev.gcscope.build;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version Maven recorded in the jar ({@code pom.properties}, which the jar and shade plugins
 * keep), or "development build" when running from class folders: what {@code gcscope --version}
 * and Help ▸ About state. Apart from the CLI's picocli version provider so that
 * {@code gcscope --version}, answered before picocli builds its model of the commands, loads no
 * picocli class at all, and so that the window does not depend on the CLI.
 */
public final class BuildVersion {
    private static final String POM_PROPERTIES = "/META-INF/maven/dev.gcscope/gcscope-app/pom.properties";

    private BuildVersion() {}

    /** What {@code gcscope --version} prints, a line each. */
    public static String[] lines() {
        return new String[] {
            "gcscope " + version(),
            "Java " + Runtime.version() + " (" + System.getProperty("java.vendor", "unknown vendor") + ")",
        };
    }

    /** The version of this build, e.g. {@code 0.1.0}. */
    public static String version() {
        try (InputStream in = BuildVersion.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version");
                if (v != null && !v.isBlank()) return v.strip();
            }
        } catch (IOException e) {
            // fall through to the manifest
        }
        String v = BuildVersion.class.getPackage().getImplementationVersion();
        return v != null ? v : "development build";
    }
}
