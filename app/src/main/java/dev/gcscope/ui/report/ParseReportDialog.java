package dev.gcscope.ui.report;

import dev.gcscope.ui.Theme;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * Shows a {@link ParseReportViewModel}: the headline, skipped lines by kind, the issues with line
 * numbers and reasons (copyable as {@code file:line: reason: excerpt} lines), and notes.
 * Non-modal, so the chart stays usable beside it.
 */
public final class ParseReportDialog {
    private ParseReportDialog() {}

    public static Dialog<Void> create(ParseReportViewModel vm, Window owner, boolean dark) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.initModality(Modality.NONE);
        dialog.setTitle(vm.title());
        dialog.setResizable(true);

        Label headline = new Label(vm.headline());
        headline.setId("report-headline");
        headline.getStyleClass().add("report-headline");

        TableView<ParseReportViewModel.SkippedKind> skipped = new TableView<>(FXCollections.observableArrayList(vm.skippedKinds()));
        skipped.setId("report-skipped");
        skipped.getColumns().add(column("Skipped lines", 360, ParseReportViewModel.SkippedKind::kind));
        skipped.getColumns().add(column("Count", 100, ParseReportViewModel.SkippedKind::count));
        skipped.setPlaceholder(new Label("No line was skipped."));
        skipped.setPrefHeight(140);
        skipped.setMinHeight(110);
        skipped.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        TableView<ParseReportViewModel.IssueRow> issues = new TableView<>(FXCollections.observableArrayList(vm.issues()));
        issues.setId("report-issues");
        issues.getColumns().add(column("Line", 70, ParseReportViewModel.IssueRow::line));
        issues.getColumns().add(column("Reason", 380, ParseReportViewModel.IssueRow::reason));
        issues.getColumns().add(column("Excerpt", 380, ParseReportViewModel.IssueRow::excerpt));
        issues.setPlaceholder(new Label("No issues: every line was either used or recognised."));
        issues.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        VBox.setVgrow(issues, Priority.ALWAYS);

        VBox content = new VBox(headline, skipped, sectionTitle("Issues"), issues);
        if (!vm.issuesNote().isEmpty()) content.getChildren().add(new Label(vm.issuesNote()));
        if (!vm.notes().isEmpty()) {
            content.getChildren().add(sectionTitle("Notes"));
            for (String note : vm.notes()) {
                Label l = new Label("• " + note);
                l.setWrapText(true);
                content.getChildren().add(l);
            }
        }
        content.getStyleClass().add("report-content");
        content.setPrefSize(900, 520);

        dialog.getDialogPane().setContent(content);
        ButtonType copy = new ButtonType("Copy issues", ButtonBar.ButtonData.LEFT);
        dialog.getDialogPane().getButtonTypes().addAll(copy, ButtonType.CLOSE);
        Button copyButton = (Button) dialog.getDialogPane().lookupButton(copy);
        copyButton.setDisable(vm.issues().isEmpty());
        // A dialog button closes the dialog unless its action event is consumed.
        copyButton.addEventFilter(ActionEvent.ACTION, e -> {
            ClipboardContent text = new ClipboardContent();
            text.putString(vm.issuesAsText());
            Clipboard.getSystemClipboard().setContent(text);
            e.consume();
        });
        Theme.apply(dialog.getDialogPane(), dark);
        return dialog;
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
