package dev.gcscope.ui.gctrace;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;

/**
 * Pieces the gctrace views share, so each tab looks the same: a titled box around a chart, a
 * legend, swatches coloured by style class (the palette decides the colour), a wrapping note.
 */
public final class ViewParts {
    private ViewParts() {}

    /** A card with a title row ({@code title} then {@code header}) over the other nodes. */
    public static VBox chartBox(String title, Node header, Node... below) {
        Label t = new Label(title);
        t.getStyleClass().add("section-title");
        t.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox top = new HBox(t, header);
        HBox.setHgrow(header, javafx.scene.layout.Priority.ALWAYS);
        top.getStyleClass().add("chart-header");
        VBox box = new VBox(top);
        box.getChildren().addAll(below);
        box.getStyleClass().addAll("chart-box", "gctrace-view");
        return box;
    }

    public static FlowPane legend() {
        FlowPane p = new FlowPane();
        p.setPrefWrapLength(1000);
        p.getStyleClass().add("view-legend");
        return p;
    }

    public static Label legendItem(String text, Node swatch) {
        Label l = new Label(text, swatch);
        l.getStyleClass().add("legend-item");
        return l;
    }

    /** A filled square; {@code styleClass} gives its {@code -fx-fill}. */
    public static Rectangle barSwatch(String styleClass) {
        Rectangle r = new Rectangle(11, 11);
        r.getStyleClass().addAll("swatch", styleClass);
        return r;
    }

    /** Regime colours in the palette ({@code -gc-regime-0..7}); regimes beyond reuse them. */
    public static final int REGIME_COLOURS = 8;

    /** The swatch of regime {@code id} (−1: no regime). */
    public static Rectangle regimeSwatch(int id) {
        return barSwatch(id < 0 ? "swatch-regime-none" : "swatch-regime-" + id % REGIME_COLOURS);
    }

    /** A short line; {@code styleClass} gives its {@code -fx-stroke}. */
    public static Line lineSwatch(String styleClass, boolean dashed) {
        Line l = new Line(0, 0, 18, 0);
        l.getStyleClass().addAll("swatch-line", styleClass);
        if (dashed) l.getStyleClass().add("swatch-dashed");
        return l;
    }

    /** A muted, wrapping line of text under a chart. */
    public static Label note() {
        Label l = new Label();
        l.getStyleClass().addAll("hint", "view-note");
        l.setWrapText(true);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }
}
