package dev.gcscope.ui.summary;

import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The summary panel: the figures of {@link SummaryViewModel} in four cards (cycles, STW pause,
 * memory and CPU, input), which wrap onto a second row when the window is narrow. The parse report
 * link sits in the input card's title row, beside the line and issue counts it explains. Every value label
 * has an id ({@code #summary-cycles}, {@code #summary-stw-p99}, …) for tests and for CSS.
 */
public final class SummaryView {
    private final FlowPane root = new FlowPane();
    private final Hyperlink reportButton = new Hyperlink("Parse report…");

    public SummaryView(SummaryViewModel vm, Runnable openReport) {
        root.getStyleClass().add("summary");
        reportButton.setId("parse-report-button");
        reportButton.getStyleClass().add("report-link");
        reportButton.setFocusTraversable(true);
        reportButton.setOnAction(e -> openReport.run());
        reportButton.disableProperty().bind(vm.hasTraceProperty().not());

        root.getChildren().addAll(
                card("GC cycles", null,
                        figure("Cycles", "summary-cycles", vm.cyclesProperty()),
                        figure("Forced", "summary-forced", vm.forcedProperty()),
                        figure("Runs", "summary-runs", vm.runsProperty())),
                card("Stop-the-world pause (ms)", null,
                        figure("p50", "summary-stw-p50", vm.stwP50Property()),
                        figure("p90", "summary-stw-p90", vm.stwP90Property()),
                        figure("p99", "summary-stw-p99", vm.stwP99Property()),
                        figure("p99.9", "summary-stw-p999", vm.stwP999Property()),
                        figure("max", "summary-stw-max", vm.stwMaxProperty())),
                card("Memory and CPU", null,
                        figure("Heap peak", "summary-heap-peak", vm.heapPeakProperty()),
                        figure("GC CPU", "summary-gc-cpu", vm.gcCpuProperty())),
                card("Input", reportButton,
                        figure("Go", "summary-go-versions", vm.goVersionsProperty()),
                        figure("Lines read", "summary-lines-read", vm.linesReadProperty()),
                        figure("Skipped", "summary-lines-skipped", vm.linesSkippedProperty()),
                        figure("Issues", "summary-issues", vm.issuesProperty())));
    }

    public Node root() {
        return root;
    }

    /** A titled group of figures; {@code action}, if any, sits at the right end of the title row. */
    private static Node card(String title, Node action, Node... figures) {
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

    private static Node figure(String caption, String id, ObservableValue<String> value) {
        Label name = new Label(caption);
        name.getStyleClass().add("figure-caption");
        Label text = new Label();
        text.setId(id);
        text.getStyleClass().add("figure-value");
        text.textProperty().bind(value);
        text.setMinWidth(Label.USE_PREF_SIZE); // a figure is never cut to "1,2…"
        VBox box = new VBox(name, text);
        box.getStyleClass().add("figure");
        return box;
    }
}
