package dev.gcscope.ui.sched;

import javafx.beans.binding.Bindings;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * "Your program: [phases ▾]  7 threads · …": the program the user recorded, singled out from
 * whatever else ran on the machine, guessed and pickable, with its figures beside. Shared by the
 * perf latency and timehist views. The figures give way in a narrow window (cut with "…", whole in
 * the tooltip); the title and the choice never do.
 */
final class ProgramBar {
    private final ComboBox<String> choice = new ComboBox<>();
    private final Label figures = new Label();
    private final HBox root;

    /** @param idPrefix {@code latency} gives {@code #latency-program} and {@code #latency-program-figures} */
    ProgramBar(String idPrefix) {
        choice.setId(idPrefix + "-program");
        figures.setId(idPrefix + "-program-figures");
        figures.getStyleClass().add("program-figures");
        Label title = new Label("Your program:");
        title.setLabelFor(choice);
        title.setMinWidth(Region.USE_PREF_SIZE);
        choice.setMinWidth(Region.USE_PREF_SIZE);
        figures.setMinWidth(0);
        figures.tooltipProperty().bind(Bindings.createObjectBinding(
                () -> figures.getText() == null || figures.getText().isEmpty() ? null : new Tooltip(figures.getText()),
                figures.textProperty()));
        root = new HBox(title, choice, figures);
        root.getStyleClass().addAll("sched-header", "program-bar");
    }

    ComboBox<String> choice() { return choice; }
    Label figures() { return figures; }
    HBox root() { return root; }
}
