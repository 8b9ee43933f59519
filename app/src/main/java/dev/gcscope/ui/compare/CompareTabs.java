package dev.gcscope.ui.compare;

import dev.gcscope.ui.task.BackgroundRunner;
import dev.gcscope.ui.workspace.TraceDocument;
import java.util.List;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;

/** Opens a comparison as a tab beside the documents; closing the tab stops its computation. */
public final class CompareTabs {
    public static final String TAB_CLASS = "comparison-tab";

    private CompareTabs() {}

    /** Which of {@code open} a comparison takes: the gctrace documents, in tab order. */
    public static List<TraceDocument> comparable(List<TraceDocument> open) {
        return open.stream().filter(TraceDocument::isGcTrace).toList();
    }

    /** Adds and selects a tab comparing {@code documents} (two or more gctrace documents; the first is A). */
    public static Tab open(TabPane tabs, List<TraceDocument> documents, BackgroundRunner runner) {
        ComparisonViewModel vm = new ComparisonViewModel(documents, runner);
        ComparisonView view = new ComparisonView(vm);
        Tab tab = new Tab("Compare: " + vm.title(), view.root());
        tab.getStyleClass().add(TAB_CLASS);
        tab.setUserData(vm);
        tab.setTooltip(new Tooltip(String.join("  vs  ", vm.labels())));
        tab.setOnClosed(e -> vm.cancel());
        tabs.getTabs().add(tab);
        tabs.getSelectionModel().select(tab);
        vm.start();
        return tab;
    }
}
