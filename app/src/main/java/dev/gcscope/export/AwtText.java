package dev.gcscope.export;

import dev.gcscope.render.ChartFont;
import dev.gcscope.render.TextBaseline;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fonts and text measures for drawing off screen: the AWT face of a {@link ChartFont}, measured with
 * antialiasing and fractional metrics, as JavaFX measures text. JavaFX's default family
 * ("System") is the platform's sans-serif face, which AWT calls SansSerif on Linux (both are the
 * fontconfig match, DejaVu Sans on a stock Debian: the same advances and line height to the last
 * decimal) and which is Segoe UI on Windows.
 *
 * <p>Nothing here needs a display: fonts and metrics work with {@code java.awt.headless=true}, which
 * {@link #headless()} sets before AWT starts, so an export from the window never connects AWT to the
 * display the JavaFX window is on.
 */
public final class AwtText {
    /** With antialiasing and fractional metrics: advances as JavaFX lays text out. */
    static final FontRenderContext FRC = new FontRenderContext(null, true, true);
    private static final Map<ChartFont, Font> FONTS = new ConcurrentHashMap<>();

    static {
        headless();
    }

    private AwtText() {}

    /**
     * Makes AWT headless unless something chose already: drawing into images needs no window
     * system, and on a desktop AWT would otherwise open its own connection to it.
     */
    static void headless() {
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
    }

    /** The AWT font of {@code f}. */
    public static Font font(ChartFont f) {
        return FONTS.computeIfAbsent(f, AwtText::resolve);
    }

    private static Font resolve(ChartFont f) {
        String family = ChartFont.SYSTEM.equals(f.family()) ? systemFamily() : f.family();
        return new Font(family, f.bold() ? Font.BOLD : Font.PLAIN, 1).deriveFont((float) f.size());
    }

    private static String systemFamily() {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        return windows ? "Segoe UI" : Font.SANS_SERIF;
    }

    /** The family name of the face {@code f} draws with, for an SVG's {@code font-family}. */
    public static String family(ChartFont f) {
        return font(f).getFamily(Locale.ROOT);
    }

    static double width(Font font, String text) {
        return text.isEmpty() ? 0 : font.getStringBounds(text, FRC).getWidth();
    }

    static LineMetrics metrics(Font font) {
        return font.getLineMetrics("0.9 ms", FRC);
    }

    /** A line's height in whole pixels, as the screen's {@code FxPainter.lineHeight()} gives it. */
    static double lineHeight(Font font) {
        LineMetrics m = metrics(font);
        return Math.ceil(m.getAscent() + m.getDescent());
    }

    /** How far below {@code y} the baseline of text placed by {@code baseline} is, as a JavaFX canvas places it. */
    static double baselineOffset(Font font, TextBaseline baseline) {
        LineMetrics m = metrics(font);
        return switch (baseline) {
            case TOP -> m.getAscent();
            case CENTER -> (m.getAscent() - m.getDescent()) / 2;
            case BASELINE -> 0;
            case BOTTOM -> -m.getDescent();
        };
    }
}
