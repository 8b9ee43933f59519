package dev.gcscope.ui.compare;

import dev.gcscope.analysis.compare.CostRow;
import dev.gcscope.analysis.compare.RegimeComparison;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A comparison tab: the sides with their editable labels and a swap, the verdict in words, and the
 * comparison's views as tabs — the costs and regimes tables, the pause, MMU and convergence
 * overlays, and for three sides or more the ladder.
 */
public final class ComparisonView {
    private final VBox root = new VBox();
    private final TabPane views = new TabPane();
    private final List<TextField> labelFields = new ArrayList<>();
    private final ComparisonExports exports;

    public ComparisonView(ComparisonViewModel vm) {
        root.getStyleClass().add("comparison-view");
        root.setId("comparison");
        root.setSpacing(6);
        root.setStyle("-fx-padding: 8;");
        exports = new ComparisonExports(vm);
        Label verdict = new Label();
        verdict.setId("compare-verdict");
        verdict.setWrapText(true);
        // a VBox would otherwise squeeze a long verdict to one line ending in "…"
        verdict.setMinHeight(Region.USE_PREF_SIZE);
        verdict.getStyleClass().add("compare-verdict");
        verdict.textProperty().bind(vm.verdictProperty());

        views.setId("compare-views");
        views.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        views.getTabs().add(ComparisonCharts.tab("Costs", "compare-tab-costs", costs(vm)));
        views.getTabs().addAll(ComparisonCharts.overlays(vm));
        views.getTabs().add(AlignedTimelines.tab(vm));
        if (vm.labels().size() > 2) views.getTabs().add(ComparisonCharts.ladder(vm));
        VBox.setVgrow(views, Priority.ALWAYS);
        root.getChildren().addAll(sides(vm), verdict, views);
    }

    public Parent root() {
        return root;
    }

    /** The comparison's copies and report. */
    ComparisonExports exports() {
        return exports;
    }

    /** The inner tabs: Costs, Pause tail, Pause histogram, MMU, Convergence (and Ladder). */
    public TabPane views() {
        return views;
    }

    private VBox costs(ComparisonViewModel vm) {
        TableView<CostRow> table = ComparisonTables.costs(vm);
        exports.rewire(table);
        VBox.setVgrow(table, Priority.ALWAYS);
        Label regimesTitle = new Label("Regimes found in both, with their own pauses");
        regimesTitle.getStyleClass().add("compare-regimes-title");
        TableView<RegimeComparison> regimes = ComparisonTables.regimes(vm);
        regimes.setPrefHeight(150);
        regimes.setMinHeight(90);
        int n = vm.labels().size();
        Label note = new Label(n > 2 ? "The tables set side 1 (as A) against side " + n + " (as B); the Ladder tab shows every side." : "");
        note.getStyleClass().add("compare-note");
        note.setManaged(n > 2);
        Label tests = new Label();
        tests.setId("compare-tests");
        tests.getStyleClass().add("compare-note");
        tests.setWrapText(true);
        tests.setMinHeight(Region.USE_PREF_SIZE);
        tests.textProperty().bind(vm.testsProperty());
        return new VBox(6, note, table, tests, regimesTitle, regimes);
    }

    /**
     * For a side whose log holds several runs (the process restarted): which to compare — all of them
     * laid end to end, as the single-file views show them (the default), or one.
     */
    private static javafx.scene.control.ChoiceBox<String> runChoice(ComparisonViewModel vm, int position) {
        javafx.scene.control.ChoiceBox<String> choice = new javafx.scene.control.ChoiceBox<>();
        choice.setId("compare-run-" + position);
        choice.setTooltip(new Tooltip("The process restarted within this log: compare all its runs, or one"));
        boolean[] updating = {false};
        // the side at this position changes with a swap: its runs are read again each time
        Runnable show = () -> {
            updating[0] = true;
            List<int[]> runs = vm.runs(position);
            List<String> items = new ArrayList<>(List.of("all " + runs.size() + " runs"));
            for (int r = 0; r < runs.size(); r++) {
                items.add(String.format(java.util.Locale.ROOT, "run %d (%,d cycles)", r + 1, runs.get(r)[1] - runs.get(r)[0]));
            }
            if (!choice.getItems().equals(items)) choice.getItems().setAll(items);
            boolean several = runs.size() > 1;
            choice.setVisible(several);
            choice.setManaged(several);
            ComparisonViewModel.SideRange r = vm.range(position);
            // a range dragged on the timeline is not a run: the choice shows none
            if (r != null && r.run() == 0) choice.getSelectionModel().clearSelection();
            else choice.getSelectionModel().select(r == null ? 0 : r.run());
            updating[0] = false;
        };
        show.run();
        vm.rangeTexts().addListener((ListChangeListener<String>) c -> show.run());
        vm.labels().addListener((ListChangeListener<String>) c -> show.run());
        choice.getSelectionModel().selectedIndexProperty().addListener((obs, old, now) -> {
            if (!updating[0] && now.intValue() >= 0) vm.selectRun(position, now.intValue());
        });
        return choice;
    }

    /** "A [go1.19-steady.log]  B [go1.24-steady.log]  [Swap]": each label editable, Enter or leaving the field applies it. */
    private FlowPane sides(ComparisonViewModel vm) {
        FlowPane bar = new FlowPane(8, 4);
        bar.setId("compare-sides");
        int n = vm.labels().size();
        for (int i = 0; i < n; i++) {
            int position = i;
            Label letter = new Label(ComparisonViewModel.sideLetter(i, n));
            letter.getStyleClass().addAll("compare-side-letter", "compare-side-" + Math.min(i, ComparisonChart.SIDE_COLOURS - 1));
            TextField field = new TextField(vm.labels().get(i));
            field.setId("compare-label-" + i);
            field.setPrefColumnCount(Math.max(12, Math.min(28, vm.labels().get(i).length())));
            field.setTooltip(new Tooltip("The side's name in the charts and the status line; empty restores the file name"));
            field.setOnAction(e -> vm.relabel(position, field.getText()));
            field.focusedProperty().addListener((obs, was, now) -> {
                if (!now) vm.relabel(position, field.getText());
            });
            labelFields.add(field);
            // the side's selected range (a drag on its timeline), and the way back to its whole trace
            Label range = new Label();
            range.setId("compare-range-" + i);
            range.getStyleClass().add("compare-range");
            Button whole = new Button("Whole trace");
            whole.setId("compare-range-clear-" + i);
            whole.setTooltip(new Tooltip("Compare this side's whole trace again"));
            whole.setOnAction(e -> vm.clearRange(position));
            Runnable showRange = () -> {
                String text = position < vm.rangeTexts().size() ? vm.rangeTexts().get(position) : "";
                range.setText(text);
                boolean on = !text.isEmpty();
                for (javafx.scene.Node node : List.of(range, whole)) {
                    node.setVisible(on);
                    node.setManaged(on);
                }
            };
            showRange.run();
            vm.rangeTexts().addListener((ListChangeListener<String>) c -> showRange.run());
            bar.getChildren().addAll(letter, field, runChoice(vm, i), range, whole);
        }
        vm.labels().addListener((ListChangeListener<String>) c -> {
            for (int i = 0; i < labelFields.size(); i++) labelFields.get(i).setText(vm.labels().get(i));
        });
        Button swap = new Button(n == 2 ? "Swap A ⇄ B" : "Reverse order");
        swap.setId("compare-swap");
        swap.setOnAction(e -> vm.swap());
        bar.getChildren().addAll(swap, exports.button(root));
        return bar;
    }
}
