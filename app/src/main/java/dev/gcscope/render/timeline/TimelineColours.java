package dev.gcscope.render.timeline;

import dev.gcscope.render.Rgba;
import java.util.List;

/**
 * The colours a timeline draws with ({@code -chart-selection-fill}, {@code -chart-selection-stroke},
 * {@code -chart-separator-stroke}, the palette {@code -chart-color-0..7}, the regime colours
 * {@code -chart-regime-0..7}, {@code -chart-unassigned-fill}, {@code -chart-forced-stroke} on screen).
 *
 * @param plotFill the plot's background, which lighter shades of a regime's colour blend towards
 * @param palette the series' colours, or the regimes' when a chart is coloured by regime; cycled past the last
 * @param regimes the colours of the band behind a highlighted regime's cycles; cycled past the last
 */
public record TimelineColours(Rgba plotFill, Rgba selectionFill, Rgba selectionStroke, Rgba separatorStroke,
                              List<Rgba> palette, List<Rgba> regimes, Rgba unassignedFill, Rgba forcedStroke) {
    /** Slots of the palette (and of the regime colours). */
    public static final int PALETTE_SIZE = 8;

    public TimelineColours {
        palette = List.copyOf(palette);
        regimes = List.copyOf(regimes);
        if (palette.size() != PALETTE_SIZE || regimes.size() != PALETTE_SIZE) {
            throw new IllegalArgumentException("palettes of " + PALETTE_SIZE + " colours, not " + palette.size() + " and " + regimes.size());
        }
    }

    /** Colour {@code k} of the palette, cycling past the last. */
    public Rgba paletteColour(int k) {
        return palette.get(Math.floorMod(k, PALETTE_SIZE));
    }

    /** The colour of regime {@code id}'s highlight band. */
    public Rgba regimeBandColour(int id) {
        return regimes.get(Math.floorMod(id, PALETTE_SIZE));
    }

    /** The colour of a regime's bars on a chart coloured by regime: its palette entry, or the unassigned fill (−1). */
    public Rgba regimeColour(int regime) {
        return regime < 0 ? unassignedFill : paletteColour(regime);
    }
}
