package dev.gcscope.export.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How the report shows a JSON figure to its reader (the exact text stays in data-value). */
class JsonFiguresTest {
    @Test
    void aTinyFigureIsShownInPowersOfTenAndTheRestAsBefore() {
        // compare --json's KS p-value of the two demo gctrace samples
        assertEquals("8.291 × 10⁻²⁰", JsonFigures.shown("0.000000000000000000082908943217"));
        assertEquals("1.658 × 10⁻¹⁹", JsonFigures.shown("1.65817886434e-19"));
        assertEquals("5 × 10⁻⁷", JsonFigures.shown("0.0000005"));
        assertEquals("-3.2 × 10⁻¹²", JsonFigures.shown("-0.0000000000032"));
        // from 10⁻⁶ up, as before
        assertEquals("0.00006184", JsonFigures.shown("0.0000618404137845"));
        assertEquals("0.000001", JsonFigures.shown("0.000001"));
        assertEquals("0.145", JsonFigures.shown("0.145"));
        assertEquals("477.3", JsonFigures.shown("477.272685901"));
        assertEquals("0", JsonFigures.shown("0"));
        assertEquals("n/a", JsonFigures.shown("n/a"));
    }
}
