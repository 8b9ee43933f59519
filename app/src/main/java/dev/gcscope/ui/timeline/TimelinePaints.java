package dev.gcscope.ui.timeline;

import javafx.scene.paint.Paint;
import javafx.scene.text.Font;

/** The colours (and the label font) a timeline's layers draw with; the chart resolves them from CSS. */
interface TimelinePaints {
    Paint plotFill();

    Paint selectionFill();

    Paint selectionStroke();

    Paint separatorStroke();

    /** Colour {@code k} of the chart's palette, cycling past the last. */
    Paint paletteColour(int k);

    /** The colour of regime {@code id}, as the highlight band uses it. */
    Paint regimeBandColour(int id);

    Font labelFont();
}
