package dev.gcscope.ui.incident;

import dev.gcscope.parsers.TraceLoader;
import dev.gcscope.ui.task.BackgroundRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;

/** Opens an incident (several files of one process read together) as a tab beside the documents; closing it stops its work. */
public final class IncidentTabs {
    public static final String TAB_CLASS = "incident-tab";

    private IncidentTabs() {}

    /** Adds and selects a tab reading {@code files} as one incident. */
    public static Tab open(TabPane tabs, List<Path> files, BackgroundRunner runner, TraceLoader loader) {
        IncidentViewModel vm = new IncidentViewModel(files, runner, loader);
        IncidentView view = new IncidentView(vm);
        Tab tab = new Tab(vm.title(), view.root());
        tab.getStyleClass().add(TAB_CLASS);
        tab.setUserData(view);
        tab.setTooltip(new Tooltip(vm.files().stream().map(Path::toString).collect(Collectors.joining("\n"))));
        tab.setOnClosed(e -> vm.cancel());
        tabs.getTabs().add(tab);
        tabs.getSelectionModel().select(tab);
        vm.start();
        return tab;
    }
}
