package dev.gcscope.ui.settings;

import java.util.Locale;
import javafx.geometry.Rectangle2D;
import java.util.Optional;

/**
 * The window's bounds and the theme, as remembered between runs.
 *
 * @param x left edge on the virtual screen
 * @param y top edge
 */
public record WindowSettings(double x, double y, double width, double height, boolean maximized) {
    static final String BOUNDS = "window.bounds";
    static final String DARK = "theme.dark";

    public static Optional<WindowSettings> load(SettingsStore store) {
        String s = store.get(BOUNDS, "");
        String[] f = s.split(",");
        if (f.length != 5) return Optional.empty();
        try {
            WindowSettings w = new WindowSettings(Double.parseDouble(f[0]), Double.parseDouble(f[1]),
                    Double.parseDouble(f[2]), Double.parseDouble(f[3]), Boolean.parseBoolean(f[4]));
            return w.width() > 0 && w.height() > 0 ? Optional.of(w) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * These bounds moved and shrunk to lie inside {@code visual} (a screen's visual bounds): a
     * window remembered from a larger screen, or half off the screen, would otherwise open with its
     * title bar or its lower controls out of reach. The size shrinks first, then the window slides in.
     */
    public WindowSettings clampedTo(Rectangle2D visual) {
        double w = Math.min(width, visual.getWidth());
        double h = Math.min(height, visual.getHeight());
        double cx = Math.max(visual.getMinX(), Math.min(x, visual.getMaxX() - w));
        double cy = Math.max(visual.getMinY(), Math.min(y, visual.getMaxY() - h));
        return new WindowSettings(cx, cy, w, h, maximized);
    }

    public void save(SettingsStore store) {
        store.put(BOUNDS, String.format(Locale.ROOT, "%.0f,%.0f,%.0f,%.0f,%b", x, y, width, height, maximized));
    }

    /** The remembered theme; null when none was remembered yet. */
    public static Boolean darkTheme(SettingsStore store) {
        String s = store.get(DARK, null);
        return s == null ? null : Boolean.parseBoolean(s);
    }

    public static void saveDarkTheme(SettingsStore store, boolean dark) {
        store.put(DARK, Boolean.toString(dark));
    }
}
