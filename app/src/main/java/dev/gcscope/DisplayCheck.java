package dev.gcscope;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a window can open here, decided before JavaFX is loaded: on Linux and the BSDs the toolkit
 * needs an X11 or Wayland display, and without one GTK ends the start in a stack trace ("Unable to
 * open DISPLAY"). Windows and macOS always have one; a Monocle (headless) glass platform needs none.
 */
final class DisplayCheck {
    private DisplayCheck() {}

    /** Why there is no display ("DISPLAY is not set"), or empty when a window can be tried. */
    static Optional<String> missing(String osName, Map<String, String> env, String glassPlatform) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows") || os.startsWith("mac")) return Optional.empty();
        if ("Monocle".equalsIgnoreCase(glassPlatform)) return Optional.empty();
        if (!blank(env.get("DISPLAY")) || !blank(env.get("WAYLAND_DISPLAY"))) return Optional.empty();
        return Optional.of("neither DISPLAY nor WAYLAND_DISPLAY is set");
    }

    static Optional<String> missing() {
        return missing(System.getProperty("os.name", ""), System.getenv(), System.getProperty("glass.platform"));
    }

    /** True for the toolkit's own failure to reach a display that is set but unreachable. */
    static boolean isNoDisplayFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnsupportedOperationException && String.valueOf(t.getMessage()).contains("DISPLAY")) return true;
        }
        return false;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
