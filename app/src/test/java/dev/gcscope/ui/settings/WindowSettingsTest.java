package dev.gcscope.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

class WindowSettingsTest {
    /** A 1024x700 screen with a 28 px panel at the top, as the visual bounds report it. */
    private static final Rectangle2D SMALL = new Rectangle2D(0, 28, 1024, 672);

    @Test
    void boundsFromALargerScreenShrinkAndSlideInside() {
        WindowSettings big = new WindowSettings(120, 60, 1600, 1000, false);
        assertEquals(new WindowSettings(0, 28, 1024, 672, false), big.clampedTo(SMALL));
    }

    @Test
    void aWindowHangingOffTheRightAndBottomSlidesBackKeepingItsSize() {
        WindowSettings w = new WindowSettings(900, 600, 800, 500, false);
        assertEquals(new WindowSettings(224, 200, 800, 500, false), w.clampedTo(SMALL));
    }

    @Test
    void aWindowAboveOrLeftOfTheScreenMovesToItsTopLeftCorner() {
        WindowSettings w = new WindowSettings(-300, -50, 700, 450, true);
        assertEquals(new WindowSettings(0, 28, 700, 450, true), w.clampedTo(SMALL));
    }

    @Test
    void boundsAlreadyInsideAreKept() {
        WindowSettings w = new WindowSettings(100, 100, 800, 500, false);
        assertEquals(w, w.clampedTo(SMALL));
    }

    @Test
    void aSecondScreenRightOfThePrimaryKeepsItsOwnCoordinates() {
        Rectangle2D right = new Rectangle2D(1920, 0, 1024, 700);
        WindowSettings w = new WindowSettings(2500, 300, 1360, 860, false);
        assertEquals(new WindowSettings(1920, 0, 1024, 700, false), w.clampedTo(right));
    }
}
