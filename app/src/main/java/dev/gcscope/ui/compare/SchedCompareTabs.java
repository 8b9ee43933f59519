package dev.gcscope.ui.compare;

import dev.gcscope.ui.task.BackgroundRunner;
import dev.gcscope.ui.workspace.TraceDocument;
import java.util.List;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;

/** Opens a scheduler comparison (two timehist or two runtime/metrics documents) as a tab, as {@link CompareTabs} does gctrace's. */
final class SchedCompareTabs {
    private SchedCompareTabs() {}

    /** @param startView {@link SchedComparisonView#CCDF_VIEW} to start on the overlay; else the table */
    static Tab open(TabPane tabs, List<TraceDocument> documents, BackgroundRunner runner, String startView) {
        SchedComparisonViewModel vm = new SchedComparisonViewModel(documents, runner);
        SchedComparisonView view = new SchedComparisonView(vm);
        view.views().getTabs().stream().filter(t -> t.getId().equals(startView)).findFirst()
                .ifPresent(t -> view.views().getSelectionModel().select(t));
        Tab tab = new Tab();
        tab.textProperty().bind(vm.titleProperty().map(t -> "Compare: " + t));
        tab.setContent(view.root());
        tab.getStyleClass().add(CompareTabs.TAB_CLASS);
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
