package dev.gcscope.ui.compare;

import dev.gcscope.ui.Theme;
import dev.gcscope.ui.workspace.TraceDocument;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * File ▸ Compare…: a list of the open gctrace documents, each with a check box, to be put in order
 * with Move up / Move down (the first is A); Compare opens the comparison of the checked ones. Shown
 * without blocking: the comparison is opened when the user confirms.
 */
public final class ComparePicker {
    public static final ButtonType COMPARE = new ButtonType("Compare", ButtonBar.ButtonData.OK_DONE);

    private final ComparePickerModel model;
    private final Dialog<List<TraceDocument>> dialog = new Dialog<>();
    private final ListView<ComparePickerModel.Entry> list;

    public ComparePicker(ComparePickerModel model, Window owner, boolean dark) {
        this.model = model;
        dialog.initOwner(owner);
        dialog.setTitle("Compare");
        dialog.setHeaderText(null);
        list = new ListView<>(model.entries());
        list.setId("compare-picker-list");
        list.setCellFactory(CheckBoxListCell.forListView(ComparePickerModel.Entry::chosenProperty));
        list.setPrefSize(420, 200);
        list.getSelectionModel().selectFirst();
        Button up = new Button("Move up");
        up.setId("compare-picker-up");
        up.setOnAction(e -> move(-1));
        Button down = new Button("Move down");
        down.setId("compare-picker-down");
        down.setOnAction(e -> move(1));
        VBox buttons = new VBox(6, up, down);
        HBox.setHgrow(list, Priority.ALWAYS);
        Label about = new Label("Check the traces to compare and put them in order: the first is A, the last B; three or"
                + " more gctrace files make a ladder in this order. Two timehist or two runtime/metrics documents compare"
                + " their scheduling delays.");
        about.setWrapText(true);
        about.setPrefWidth(520);
        VBox content = new VBox(8, about, new HBox(8, list, buttons));
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().addAll(COMPARE, ButtonType.CANCEL);
        Node compare = dialog.getDialogPane().lookupButton(COMPARE);
        compare.setId("compare-picker-ok");
        compare.disableProperty().bind(model.canCompareBinding().not());
        dialog.setResultConverter(b -> b == COMPARE ? model.chosen() : null);
        Theme.apply(dialog.getDialogPane(), dark);
    }

    private void move(int by) {
        int i = list.getSelectionModel().getSelectedIndex();
        if (i < 0) return;
        if (by < 0) model.moveUp(i);
        else model.moveDown(i);
        list.getSelectionModel().clearAndSelect(Math.max(0, Math.min(model.entries().size() - 1, i + by)));
    }

    /** Shows the dialog; {@code onCompare} gets the chosen documents in order when the user confirms. */
    public void show(Consumer<List<TraceDocument>> onCompare) {
        dialog.setOnHidden(e -> {
            List<TraceDocument> chosen = dialog.getResult();
            if (chosen != null && chosen.size() >= 2) onCompare.accept(chosen);
        });
        dialog.show();
    }

    /** The dialog, for tests. */
    public Dialog<List<TraceDocument>> dialog() {
        return dialog;
    }
}
