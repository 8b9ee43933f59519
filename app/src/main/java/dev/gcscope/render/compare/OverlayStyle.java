package dev.gcscope.render.compare;

import dev.gcscope.render.ChartFont;
import dev.gcscope.render.Rgba;
import dev.gcscope.render.plot.FrameColours;
import java.util.List;

/**
 * How a comparison's overlay draws its sides: one colour per side ({@code -chart-side-0..5} on
 * screen, from the theme's {@code -gc-side-0..5}), the frame's colours for the legend's box, and the
 * labels' font.
 */
public record OverlayStyle(List<Rgba> sides, FrameColours frame, ChartFont font) {
    public OverlayStyle {
        sides = List.copyOf(sides);
        if (sides.isEmpty()) throw new IllegalArgumentException("no side colours");
    }

    /** Side {@code i}'s colour; the palette repeats after its last colour. */
    public Rgba side(int i) {
        return sides.get(Math.floorMod(i, sides.size()));
    }

    /** Side {@code i}'s colour at {@code opacity} (a band or a bar under another side's). */
    public Rgba side(int i, double opacity) {
        Rgba c = side(i);
        return new Rgba(c.red(), c.green(), c.blue(), (float) (c.opacity() * opacity));
    }
}
