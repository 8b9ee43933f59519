package dev.gcscope.ui.summary;

import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The summary's building blocks: titled cards of figures (caption above a large value, an optional
 * small note such as a confidence interval below). Every value label gets the id it is given, for
 * tests and for CSS.
 */
public final class FigureCards {
    private FigureCards() {}

    /** A titled group of figures; {@code action}, if any, sits at the right end of the title row. */
    public static VBox card(String title, Node action, Node... figures) {
        Label heading = new Label(title);
        heading.getStyleClass().add("card-title");
        HBox titleRow = new HBox(heading);
        titleRow.getStyleClass().add("card-title-row");
        if (action != null) {
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            titleRow.getChildren().addAll(spacer, action);
        }
        HBox row = new HBox(figures);
        row.getStyleClass().add("card-figures");
        VBox card = new VBox(titleRow, row);
        card.getStyleClass().add("summary-card");
        return card;
    }

    public static Node figure(String caption, String id, ObservableValue<String> value) {
        return figure(caption, id, value, null);
    }

    /** @param note a small line under the value (e.g. "0.80–0.91"), or null */
    public static Node figure(String caption, String id, ObservableValue<String> value, ObservableValue<String> note) {
        Label text = valueLabel(id);
        text.textProperty().bind(value);
        return box(caption, text, id, note);
    }

    /** A figure whose value never changes. */
    public static Node fixedFigure(String caption, String id, String value) {
        Label text = valueLabel(id);
        text.setText(value);
        // A word, not a number: set smaller so a long format name does not shout.
        if (!value.isEmpty() && !Character.isDigit(value.charAt(0))) text.getStyleClass().add("figure-text");
        return box(caption, text, id, null);
    }

    private static Label valueLabel(String id) {
        Label text = new Label();
        text.setId(id);
        text.getStyleClass().add("figure-value");
        text.setMinWidth(Label.USE_PREF_SIZE); // a figure is never cut to "1,2…"
        return text;
    }

    private static Node box(String caption, Label text, String id, ObservableValue<String> note) {
        Label name = new Label(caption);
        name.getStyleClass().add("figure-caption");
        VBox box = new VBox(name, text);
        if (note != null) {
            Label n = new Label();
            n.setId(id + "-ci");
            n.getStyleClass().add("figure-note");
            n.textProperty().bind(note);
            n.setMinWidth(Label.USE_PREF_SIZE);
            box.getChildren().add(n);
        }
        box.getStyleClass().add("figure");
        return box;
    }
}
