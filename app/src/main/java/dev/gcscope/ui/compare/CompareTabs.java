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

    /** Which of {@code open} a comparison takes: gctrace, timehist and runtime/metrics documents, in tab order. */
    public static List<TraceDocument> comparable(List<TraceDocument> open) {
        return CompareKinds.comparable(open);
    }

    /** Adds and selects a tab comparing {@code documents} (two or more gctrace documents; the first is A). */
    public static Tab open(TabPane tabs, List<TraceDocument> documents, BackgroundRunner runner) {
        return open(tabs, documents, runner, null);
    }

    /**
     * @param startView the id of the comparison's view to show first ({@code --view=compare-ccdf}); null or
     *                  an id it does not have shows the costs
     */
    public static Tab open(TabPane tabs, List<TraceDocument> documents, BackgroundRunner runner, String startView) {
        documents = CompareKinds.sameKindAsFirst(documents);
        if (CompareKinds.of(documents.get(0)) != CompareKinds.GCTRACE) return SchedCompareTabs.open(tabs, documents, runner, startView);
        ComparisonViewModel vm = new ComparisonViewModel(documents, runner);
        ComparisonView view = new ComparisonView(vm);
        view.views().getTabs().stream().filter(t -> t.getId().equals(startView)).findFirst()
                .ifPresent(t -> view.views().getSelectionModel().select(t));
        Tab tab = new Tab();
        tab.textProperty().bind(vm.titleProperty().map(t -> "Compare: " + t));
        tab.setContent(view.root());
        tab.getStyleClass().add(TAB_CLASS);
        tab.setUserData(vm);
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(vm.statusProperty());
        tab.setTooltip(tip);
        tab.setOnClosed(e -> vm.cancel());
        tabs.getTabs().add(tab);
        vm.start();
        tabs.getSelectionModel().select(tab);
        return tab;
    }
}
