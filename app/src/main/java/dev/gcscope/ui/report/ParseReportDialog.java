package dev.gcscope.ui.report;

import dev.gcscope.ui.Theme;
import dev.gcscope.ui.summary.Formats;
import dev.gcscope.ui.task.BackgroundRunner;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * Shows a {@link ParseReportViewModel}: the headline, the skipped lines with number, kind and
 * excerpt (filtered by kind, each kind's count in the filter), the issues with line numbers and
 * reasons, and notes. Both lists copy as {@code file:line: …} lines; the whole report saves as text.
 * Non-modal, so the chart stays usable beside it.
 */
public final class ParseReportDialog {
    private ParseReportDialog() {}

    public static Dialog<Void> create(ParseReportViewModel vm, Window owner, boolean dark) {
        return create(vm, owner, dark, new dev.gcscope.ui.task.SynchronousRunner());
    }

    /** @param runner writes a saved report off the UI thread */
    public static Dialog<Void> create(ParseReportViewModel vm, Window owner, boolean dark, BackgroundRunner runner) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.initModality(Modality.NONE);
        dialog.setTitle(vm.title());
        dialog.setResizable(true);

        Label headline = new Label(vm.headline());
        headline.setId("report-headline");
        headline.getStyleClass().add("report-headline");

        ComboBox<String> kind = new ComboBox<>(FXCollections.observableArrayList(vm.kindFilter()));
        kind.setId("report-skipped-kind");
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(String k) {
                return k == null ? "" : k + " (" + Formats.count(vm.skippedCount(k)) + ")";
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        Label shownNote = new Label();
        shownNote.setId("report-skipped-note");
        shownNote.getStyleClass().add("hint");
        shownNote.setWrapText(true);
        TableView<ParseReportViewModel.SkippedRow> skipped = new TableView<>();
        skipped.setId("report-skipped-lines");
        skipped.getColumns().add(column("Line", 70, ParseReportViewModel.SkippedRow::line));
        skipped.getColumns().add(column("Kind", 160, ParseReportViewModel.SkippedRow::kind));
        skipped.getColumns().add(column("Excerpt", 600, ParseReportViewModel.SkippedRow::excerpt));
        skipped.setPlaceholder(new Label("No line was skipped."));
        skipped.setPrefHeight(200);
        skipped.setMinHeight(110);
        skipped.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        kind.valueProperty().addListener((o, old, k) -> {
            skipped.getItems().setAll(vm.skippedLines(k));
            shownNote.setText(vm.skippedNote(k));
        });
        kind.setValue(ParseReportViewModel.ALL_KINDS);
        Label kindLabel = new Label("Skipped lines:");
        kindLabel.setLabelFor(kind);
        kindLabel.setMinWidth(Region.USE_PREF_SIZE);
        kind.setMinWidth(Region.USE_PREF_SIZE);
        HBox filter = new HBox(8, kindLabel, kind);
        filter.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        shownNote.managedProperty().bind(shownNote.textProperty().isNotEmpty());
        VBox.setVgrow(skipped, Priority.ALWAYS);

        TableView<ParseReportViewModel.IssueRow> issues = new TableView<>(FXCollections.observableArrayList(vm.issues()));
        issues.setId("report-issues");
        issues.getColumns().add(column("Line", 70, ParseReportViewModel.IssueRow::line));
        issues.getColumns().add(column("Reason", 380, ParseReportViewModel.IssueRow::reason));
        issues.getColumns().add(column("Excerpt", 380, ParseReportViewModel.IssueRow::excerpt));
        issues.setPlaceholder(new Label("No issues: every line was either used or recognised."));
        issues.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        issues.setPrefHeight(vm.issues().isEmpty() ? 90 : 160);
        // An empty issue table needs only its placeholder; the room goes to the skipped lines.
        if (!vm.issues().isEmpty()) VBox.setVgrow(issues, Priority.ALWAYS);

        Label saved = new Label();
        saved.setId("report-saved");
        saved.getStyleClass().add("hint");
        VBox content = new VBox(headline, filter, shownNote, skipped, sectionTitle("Issues"), issues);
        if (!vm.issuesNote().isEmpty()) content.getChildren().add(new Label(vm.issuesNote()));
        if (!vm.notes().isEmpty()) {
            content.getChildren().add(sectionTitle("Notes"));
            for (String note : vm.notes()) {
                Label l = new Label("• " + note);
                l.setWrapText(true);
                content.getChildren().add(l);
            }
        }
        content.getChildren().add(saved);
        content.getStyleClass().add("report-content");
        content.setPrefSize(900, 560);

        dialog.getDialogPane().setContent(content);
        ButtonType copySkipped = new ButtonType("Copy skipped lines", ButtonBar.ButtonData.LEFT);
        ButtonType copy = new ButtonType("Copy issues", ButtonBar.ButtonData.LEFT);
        ButtonType save = new ButtonType("Save report…", ButtonBar.ButtonData.LEFT);
        dialog.getDialogPane().getButtonTypes().addAll(copySkipped, copy, save, ButtonType.CLOSE);
        Button copySkippedButton = (Button) dialog.getDialogPane().lookupButton(copySkipped);
        copySkippedButton.setId("report-copy-skipped");
        copySkippedButton.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(skipped.getItems()));
        // A dialog button closes the dialog unless its action event is consumed.
        copySkippedButton.addEventFilter(ActionEvent.ACTION, e -> {
            toClipboard(vm.skippedAsText(kind.getValue()));
            e.consume();
        });
        Button copyButton = (Button) dialog.getDialogPane().lookupButton(copy);
        copyButton.setId("report-copy-issues");
        copyButton.setDisable(vm.issues().isEmpty());
        copyButton.addEventFilter(ActionEvent.ACTION, e -> {
            toClipboard(vm.issuesAsText());
            e.consume();
        });
        Button saveButton = (Button) dialog.getDialogPane().lookupButton(save);
        saveButton.setId("report-save");
        saveButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Save parse report");
            chooser.setInitialFileName(ReportFile.suggestedName(vm));
            java.io.File file = chooser.showSaveDialog(dialog.getDialogPane().getScene().getWindow());
            if (file != null) ReportFile.save(vm, file.toPath(), runner, saved::setText);
        });
        Theme.apply(dialog.getDialogPane(), dark);
        return dialog;
    }

    private static void toClipboard(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    private static Label sectionTitle(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }

    private static <R> TableColumn<R, String> column(String title, double width, java.util.function.Function<R, String> value) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        // Reasons and excerpts are often wider than their column: the tooltip shows all of it.
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null || item.isEmpty() ? null : new Tooltip(item));
            }
        });
        return c;
    }
}
