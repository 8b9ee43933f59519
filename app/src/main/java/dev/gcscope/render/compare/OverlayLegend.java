package dev.gcscope.render.compare;

import dev.gcscope.render.Painter;
import dev.gcscope.render.Rgba;
import dev.gcscope.render.TextAlign;
import dev.gcscope.render.TextBaseline;
import dev.gcscope.render.plot.PlotArea;
import java.util.List;

/**
 * The legend inside an overlay's plot: a line in each side's colour and the side's label, on a
 * patch of the plot's own fill so that curves under it do not make it unreadable; in the corner
 * the curves leave most free.
 */
public final class OverlayLegend {
    private static final double SWATCH = 18;
    private static final double GAP = 6;
    private static final double MARGIN = 8;

    /** Which corner of the plot the legend sits in. */
    public enum Corner { TOP_RIGHT, BOTTOM_LEFT, BOTTOM_RIGHT, TOP_LEFT }

    private OverlayLegend() {}

    /**
     * @param lines one text per side, in side order
     * @param notes lines under the sides' (what the line styles mean), in the text colour; may be empty
     */
    public static void draw(Painter g, PlotArea area, OverlayStyle style, List<String> lines, List<String> notes, Corner corner) {
        g.setFont(style.font());
        double h = g.lineHeight();
        double textW = 0;
        for (String s : lines) textW = Math.max(textW, g.textWidth(s));
        for (String s : notes) textW = Math.max(textW, g.textWidth(s));
        // a legend wider than the plot is cut by the plot's clip rather than hiding everything
        double w = Math.min(SWATCH + GAP + textW + 2 * GAP, area.width() - 2 * MARGIN);
        double boxH = (lines.size() + notes.size()) * (h + 2) + GAP;
        boolean right = corner == Corner.TOP_RIGHT || corner == Corner.BOTTOM_RIGHT;
        boolean top = corner == Corner.TOP_RIGHT || corner == Corner.TOP_LEFT;
        double x = right ? area.right() - MARGIN - w : area.x() + MARGIN;
        double y = top ? area.y() + MARGIN : area.bottom() - MARGIN - boxH;
        g.setGlobalAlpha(0.88);
        g.setFill(style.frame().plotFill());
        g.fillRect(x, y, w, boxH);
        g.setGlobalAlpha(1);
        g.setStroke(style.frame().gridStroke());
        g.setLineWidth(1);
        g.strokeRect(x, y, w, boxH);
        g.setTextAlign(TextAlign.LEFT);
        g.setTextBaseline(TextBaseline.CENTER);
        double cy = y + GAP / 2 + h / 2 + 1;
        for (int i = 0; i < lines.size(); i++, cy += h + 2) {
            Rgba c = style.side(i);
            g.setStroke(c);
            g.setLineWidth(3);
            g.strokeLine(x + GAP, cy, x + GAP + SWATCH, cy);
            g.setFill(style.frame().textFill());
            g.fillText(lines.get(i), x + GAP + SWATCH + GAP, cy);
        }
        for (String note : notes) {
            g.setFill(style.frame().textFill());
            g.fillText(note, x + GAP, cy);
            cy += h + 2;
        }
        g.setLineWidth(1);
    }
}
