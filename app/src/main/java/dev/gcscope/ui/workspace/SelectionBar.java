package dev.gcscope.ui.workspace;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/**
 * The selection bar of a gctrace document: the range the statistics cover, a busy indicator while
 * they are recomputed, and "Whole trace", which resets selection and zoom in one click.
 */
public final class SelectionBar {
    private final HBox root;

    public SelectionBar(SelectionBarViewModel vm) {
        Label caption = new Label("Statistics of");
        caption.getStyleClass().add("selection-caption");
        Label range = new Label();
        range.setId("selection-range");
        range.getStyleClass().add("selection-range");
        range.textProperty().bind(vm.textProperty());
        // The caption and "Whole trace" stay whole (at 1024 px they were cut to "Statistic…" and
        // "Whole tr…" by a wall-clock range); the range gives way first, whole in its tooltip.
        caption.setMinWidth(Label.USE_PREF_SIZE);
        range.setMinWidth(120);
        Tooltip rangeTip = new Tooltip();
        rangeTip.textProperty().bind(vm.textProperty());
        range.setTooltip(rangeTip);

        ProgressIndicator busy = new ProgressIndicator(-1);
        busy.setId("selection-busy");
        busy.getStyleClass().add("selection-busy");
        busy.visibleProperty().bind(vm.computingProperty());
        busy.setPrefSize(16, 16);
        busy.setMaxSize(16, 16);
        busy.setTooltip(new Tooltip("computing the statistics of the selection"));

        Button reset = new Button("Whole trace");
        reset.setId("selection-reset");
        reset.setTooltip(new Tooltip("Clear the selection and the zoom (Ctrl+R or Escape)"));
        reset.disableProperty().bind(vm.canResetProperty().not());
        reset.setOnAction(e -> vm.reset());
        reset.setFocusTraversable(false);
        reset.setMinWidth(Button.USE_PREF_SIZE);

        Label error = new Label();
        error.getStyleClass().add("selection-error");
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        root = new HBox(caption, range, busy, reset, error);
        root.setId("selection-bar");
        root.getStyleClass().add("selection-bar");
    }

    public Node root() {
        return root;
    }
}
