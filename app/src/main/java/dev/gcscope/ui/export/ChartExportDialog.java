package dev.gcscope.ui.export;

import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * File ▸ Export chart…: how to write the current view's chart — PNG at 1×, 2× or 3× its size on
 * screen or at a chosen width, or SVG — and on the window's background or white for print (the same
 * choice the chart's context menu remembers). The file is asked for afterwards.
 */
public final class ChartExportDialog extends Dialog<ChartExportDialog.Choice> {
    /** A PNG's width in pixels when chosen: the command line's bounds. */
    static final int MIN_WIDTH = 200;
    static final int MAX_WIDTH = 8000;

    /**
     * What to write.
     *
     * @param svg true for SVG, false for PNG
     * @param scale PNG pixels per chart pixel (any positive number; 1 for SVG)
     */
    public record Choice(boolean svg, double scale) {
        public String extension() {
            return svg ? "svg" : "png";
        }

        public String label() {
            return svg ? "SVG" : String.format(Locale.ROOT, "PNG (%s×)", scale == Math.rint(scale) ? String.valueOf((int) scale)
                    : String.format(Locale.ROOT, "%.2f", scale));
        }
    }

    private final ToggleGroup kind = new ToggleGroup();
    private final RadioButton png1 = radio("PNG (1×)", "chart-dialog-png-1x");
    private final RadioButton png2 = radio("PNG (2×)", "chart-dialog-png-2x");
    private final RadioButton png3 = radio("PNG (3×)", "chart-dialog-png-3x");
    private final RadioButton pngWidth = radio("PNG, width in pixels:", "chart-dialog-png-width");
    private final RadioButton svg = radio("SVG (vector)", "chart-dialog-svg");
    private final Spinner<Integer> width;
    private final CheckBox white = new CheckBox("White background (for print)");

    /**
     * @param chartWidth the chart's width on screen, from which a chosen width gives the scale
     * @param print the window's print choice, changed by the dialog's checkbox
     */
    public ChartExportDialog(double chartWidth, BooleanProperty print) {
        setTitle("Export chart");
        setHeaderText("Export the chart of this view as it is on screen");
        width = new Spinner<>(MIN_WIDTH, MAX_WIDTH, (int) Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, Math.round(chartWidth * 2))), 100);
        width.setEditable(true);
        width.setId("chart-dialog-width");
        width.disableProperty().bind(pngWidth.selectedProperty().not());
        white.setId("chart-dialog-print");
        white.selectedProperty().bindBidirectional(print);
        png2.setSelected(true);
        VBox box = new VBox(8, png1, png2, png3, new HBox(8, pngWidth, width), svg, new Label(" "), white);
        box.setId("chart-export-dialog");
        getDialogPane().setContent(box);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        setResultConverter(b -> b == ButtonType.OK ? choice(chartWidth) : null);
    }

    private RadioButton radio(String text, String id) {
        RadioButton r = new RadioButton(text);
        r.setId(id);
        r.setToggleGroup(kind);
        return r;
    }

    /** What the controls say now. */
    public Choice choice(double chartWidth) {
        if (svg.isSelected()) return new Choice(true, 1);
        if (pngWidth.isSelected()) {
            Integer w = width.getValue();
            return new Choice(false, (w == null ? chartWidth : w) / chartWidth);
        }
        return new Choice(false, png3.isSelected() ? 3 : png2.isSelected() ? 2 : 1);
    }
}
