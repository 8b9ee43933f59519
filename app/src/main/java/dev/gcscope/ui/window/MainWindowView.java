package dev.gcscope.ui.window;

import dev.gcscope.export.report.ReportFormat;
import dev.gcscope.ui.Theme;
import dev.gcscope.ui.compare.ComparePicker;
import dev.gcscope.ui.compare.ComparePickerModel;
import dev.gcscope.ui.compare.CompareTabs;
import dev.gcscope.ui.compare.ComparisonTabModel;
import dev.gcscope.ui.export.ChartExportMenu;
import dev.gcscope.ui.chart.CanvasChart;
import dev.gcscope.ui.export.ChartExportDialog;
import dev.gcscope.ui.export.FileExports;
import dev.gcscope.ui.incident.IncidentTabs;
import dev.gcscope.ui.report.ParseReportDialog;
import dev.gcscope.ui.report.ParseReportViewModel;
import dev.gcscope.ui.task.BackgroundRunner;
import dev.gcscope.ui.workspace.DocumentView;
import dev.gcscope.ui.workspace.DocumentViewModel;
import dev.gcscope.ui.workspace.TraceDocument;
import java.io.File;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.controlsfx.control.StatusBar;

/**
 * The main window: menu, error banner, one tab per open document (each holding the document's
 * views), and a status bar listing the loads in progress with their progress, throughput and a
 * cancel button. It decides nothing; every action is a view model command. Files can be dropped
 * anywhere on the window, several at once; dropped as a link (Ctrl+Shift held while dropping on
 * Linux and Windows, Option+Command on macOS) they open as one incident.
 */
public final class MainWindowView {
    static final String DROP_TARGET_CLASS = "drop-target";
    /** Ctrl+1 … Ctrl+9 jump to a document's first nine views. */
    static final int VIEW_SHORTCUTS = 9;
    /** Key codes, not keyCombination("Shortcut+PAGE_DOWN"), which parses as the characters "PAGE_DOWN" and never matches. */
    static final KeyCombination NEXT_DOCUMENT = new javafx.scene.input.KeyCodeCombination(KeyCode.PAGE_DOWN, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination PREVIOUS_DOCUMENT = new javafx.scene.input.KeyCodeCombination(KeyCode.PAGE_UP, KeyCombination.SHORTCUT_DOWN);

    private final MainWindowViewModel vm;
    private final BackgroundRunner runner;
    private String startView;
    private final BorderPane root = new BorderPane();
    private final TabPane documents = new TabPane();
    private final Map<DocumentViewModel, Tab> tabs = new HashMap<>();
    private final VBox errorRows = new VBox();
    private final Menu recentMenu = new Menu("Open recent");
    private final Menu viewsMenu = new Menu("Go to view");

    public MainWindowView(MainWindowViewModel vm, BackgroundRunner runner) {
        this.vm = vm;
        this.runner = runner;
        root.getStyleClass().add("main-window");
        ChartExportMenu.install(root, runner);
        // Any view's save action (a table as CSV) finds the window's exports here.
        root.getProperties().put(FileExports.KEY, vm.exports());
        root.setTop(new VBox(menuBar(), errorBanner()));
        root.setCenter(content());
        root.setBottom(statusBar());
        wireDocuments();
        wireDragAndDrop();
        // Ctrl+PageUp/PageDown move between documents even when the focus is inside one (a chart
        // has it once its view is shown), where the document's own view tabs would take the keys.
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (NEXT_DOCUMENT.match(e)) documents.getSelectionModel().selectNext();
            else if (PREVIOUS_DOCUMENT.match(e)) documents.getSelectionModel().selectPrevious();
            else return;
            e.consume();
        });
        // Escape resets the selection unless something focused (a popup, a text field) used it.
        root.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                vm.resetSelection();
                e.consume();
            }
        });
        Theme.apply(root, vm.darkThemeProperty().get());
        vm.darkThemeProperty().addListener((obs, old, dark) -> Theme.apply(root, dark));
    }

    public Parent root() {
        return root;
    }

    public Scene createScene(double width, double height) {
        return new Scene(root, width, height);
    }

    /** The document tabs. */
    public TabPane documentTabs() {
        return documents;
    }

    /** The view of the selected document, if any. */
    /** The view every document opened from now on starts on (a {@code TraceView} id); null for the first. */
    public void setStartView(String viewId) {
        this.startView = viewId;
    }

    public Optional<DocumentView> selectedDocumentView() {
        Tab t = documents.getSelectionModel().getSelectedItem();
        return t != null && t.getUserData() instanceof DocumentView d ? Optional.of(d) : Optional.empty();
    }

    /** What dropping {@code files} on the window does; the drag-and-drop handler calls it. */
    public void dropFiles(List<File> files) {
        vm.openDropped(files.stream().map(File::toPath).toList());
    }

    /**
     * What a drop does, by how it was dropped: a link drop (the platform's modifier for "link" held:
     * Ctrl+Shift on Linux and Windows, Option+Command on macOS) opens the files as one incident, any
     * other drop each in a tab. The drag events carry no key state, only the transfer mode the
     * modifiers chose, so the mode is the modifier.
     */
    public void dropFiles(List<File> files, TransferMode mode) {
        if (mode == TransferMode.LINK) openIncident(files.stream().map(File::toPath).toList());
        else dropFiles(files);
    }

    /** File ▸ Open incident…, {@code --incident F1 F2…}: the files as one incident, in a tab of their own. */
    public void openIncident(List<Path> files) {
        if (!files.isEmpty()) IncidentTabs.open(documents, files, runner, vm.traceLoader());
    }

    /** Opens the parse report of the selected document. */
    public void showParseReport() {
        vm.parseReport().ifPresent(this::showParseReport);
    }

    private void showParseReport(ParseReportViewModel report) {
        ParseReportDialog.create(report, window(), vm.darkThemeProperty().get(), runner).show();
    }

    /** Shows view {@code index} (0-based) of the selected document. */
    public void selectView(int index) {
        selectedDocumentView().ifPresent(d -> d.selectView(index));
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    // ---------------------------------------------------------------- documents

    private Node content() {
        documents.setId("documents");
        documents.getStyleClass().add("document-tabs");
        documents.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        Label empty = new Label("Drop Go GC traces, perf sched or runtime/metrics files here\n"
                + "or use File ▸ Open (Ctrl+O) or File ▸ Open sample");
        empty.setId("empty-placeholder");
        empty.getStyleClass().add("empty-placeholder");
        // the tabs, not the documents: an incident's tab is no document, and opening only it must show it
        empty.visibleProperty().bind(Bindings.isEmpty(documents.getTabs()));
        documents.visibleProperty().bind(empty.visibleProperty().not());
        return new StackPane(documents, empty);
    }

    private void wireDocuments() {
        vm.documents().addListener((ListChangeListener<DocumentViewModel>) c -> {
            while (c.next()) {
                if (c.wasReplaced() && c.getRemovedSize() == 1 && c.getAddedSize() == 1
                        && c.getRemoved().get(0).live() != null && c.getRemoved().get(0).live() == c.getAddedSubList().get(0).live()) {
                    update(c.getRemoved().get(0), c.getAddedSubList().get(0));
                    continue;
                }
                for (DocumentViewModel removed : c.getRemoved()) {
                    Tab t = tabs.remove(removed);
                    if (t != null) documents.getTabs().remove(t);
                }
                int at = c.getFrom();
                for (DocumentViewModel added : c.getAddedSubList()) documents.getTabs().add(at++, tabFor(added));
            }
        });
        documents.getSelectionModel().selectedItemProperty().addListener((o, old, now) -> {
            if (now == null) return;
            // a comparison tab is no document: nothing a document command would act on is selected
            if (now.getUserData() instanceof DocumentView shown) {
                vm.selectedProperty().set(shown.viewModel());
                Platform.runLater(shown::focusChart);
            } else if (now.getUserData() instanceof ComparisonTabModel comparison) {
                vm.showComparison(comparison.title(), comparison.statusProperty().get());
            } else {
                vm.selectedProperty().set(null);
            }
        });
        vm.selectedProperty().addListener((o, old, now) -> {
            Tab t = now == null ? null : tabs.get(now);
            if (t != null) documents.getSelectionModel().select(t);
        });
    }

    /**
     * A followed document's update: the same tab, its views made again over the new document on
     * the view that was shown (only that one is built; the others when next shown), scrolled and
     * hovered as the old one was.
     */
    private void update(DocumentViewModel old, DocumentViewModel doc) {
        Tab tab = tabs.remove(old);
        if (tab == null) return;
        DocumentView before = (DocumentView) tab.getUserData();
        DocumentView view = new DocumentView(doc, runner, () -> showParseReport(doc.parseReport()), before.selectedViewId());
        // scrolling and hover as before the update: taken before the old view leaves the scene (which
        // tells it the pointer left)
        view.carryOverFrom(before);
        tab.setContent(view.root());
        tab.setUserData(view);
        tab.textProperty().bind(doc.tabTitleProperty());
        tab.setOnCloseRequest(e -> {
            e.consume();
            vm.closeDocument(doc);
        });
        tabs.put(doc, tab);
    }

    private Tab tabFor(DocumentViewModel doc) {
        DocumentView view = new DocumentView(doc, runner, () -> showParseReport(doc.parseReport()), startView);
        Tab tab = new Tab(doc.tabTitle(), view.root());
        tab.textProperty().bind(doc.tabTitleProperty());
        tab.setUserData(view);
        tab.getStyleClass().add("document-tab");
        String origin = doc.document().origin();
        tab.setTooltip(new Tooltip(doc.document().result().format().title() + " — " + origin));
        tab.getTooltip().setShowDelay(javafx.util.Duration.millis(300));
        // The view model owns the list of documents: a click on × asks it, it removes the tab.
        tab.setOnCloseRequest(e -> {
            e.consume();
            vm.closeDocument(doc);
        });
        tabs.put(doc, tab);
        return tab;
    }

    // ---------------------------------------------------------------- menus

    private Node menuBar() {
        MenuItem open = item("Open…", "Shortcut+O", this::chooseFiles);
        open.setId("menu-open");
        MenuItem incident = item("Open incident…", "Shortcut+Shift+O", this::chooseIncident);
        incident.setId("menu-open-incident");
        MenuItem follow = item("Follow…", "Shortcut+Shift+F", this::chooseFollowedFile);
        follow.setId("menu-follow");
        recentMenu.setId("menu-recent");
        rebuildRecentMenu();
        vm.recentFiles().addListener((ListChangeListener<Path>) c -> rebuildRecentMenu());
        Menu samples = new Menu("Open sample");
        samples.setId("menu-samples");
        vm.samplesByFormat().forEach((format, list) -> {
            Menu group = new Menu(vm.formatTitle(format));
            group.setMnemonicParsing(false);
            for (DemoSamples.Sample s : list) {
                MenuItem it = new MenuItem(s.title() + "  —  " + s.fileName());
                it.setMnemonicParsing(false);
                it.setOnAction(e -> vm.openSample(s.path()));
                group.getItems().add(it);
            }
            samples.getItems().add(group);
        });
        MenuItem report = item("Parse report…", "Shortcut+I", this::showParseReport);
        report.disableProperty().bind(vm.selectedProperty().isNull());
        MenuItem exportReport = item("Export report…", "Shortcut+Shift+E", this::chooseReportFile);
        exportReport.setId("menu-export-report");
        exportReport.disableProperty().bind(vm.selectedProperty().isNull());
        MenuItem exportChart = item("Export chart…", null, this::exportChart);
        exportChart.setId("menu-export-chart");
        // a comparison's charts export as a document's do
        exportChart.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.selectedProperty().get() == null
                        && !(documents.getSelectionModel().getSelectedItem() != null
                        && documents.getSelectionModel().getSelectedItem().getUserData() instanceof ComparisonTabModel),
                vm.selectedProperty(), documents.getSelectionModel().selectedItemProperty()));
        MenuItem close = item("Close tab", "Shortcut+W", this::closeSelectedTab);
        close.disableProperty().bind(documents.getSelectionModel().selectedItemProperty().isNull());
        MenuItem cancel = item("Cancel loading", "Shortcut+PERIOD", vm::cancelLoading);
        cancel.disableProperty().bind(vm.loadingProperty().not());
        MenuItem quit = item("Quit", "Shortcut+Q", Platform::exit);
        MenuItem compare = item("Compare…", "Shortcut+K", this::pickComparison);
        compare.setId("menu-compare");
        compare.disableProperty().bind(Bindings.createBooleanBinding(() -> comparable().size() < 2, vm.documents()));
        Menu file = new Menu("File", null, open, incident, follow, recentMenu, samples, new SeparatorMenuItem(), compare, report, exportChart, exportReport, close,
                new SeparatorMenuItem(), cancel, new SeparatorMenuItem(), quit);

        MenuItem reset = item("Whole trace", "Shortcut+R", vm::resetSelection);
        reset.disableProperty().bind(vm.selectedProperty().isNull());
        for (int i = 0; i < VIEW_SHORTCUTS; i++) {
            int index = i;
            MenuItem it = item("View " + (i + 1), "Shortcut+" + (i + 1), () -> selectView(index));
            viewsMenu.getItems().add(it);
        }
        // The items are named after the selected document's views when the menu opens.
        viewsMenu.setOnShowing(e -> nameViewItems());
        MenuItem next = item("Next document", null, () -> documents.getSelectionModel().selectNext());
        next.setAccelerator(NEXT_DOCUMENT);
        MenuItem previous = item("Previous document", null, () -> documents.getSelectionModel().selectPrevious());
        previous.setAccelerator(PREVIOUS_DOCUMENT);
        CheckMenuItem dark = new CheckMenuItem("Dark theme");
        dark.setId("dark-theme-item");
        dark.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+D"));
        dark.selectedProperty().bindBidirectional(vm.darkThemeProperty());
        Menu view = new Menu("View", null, reset, viewsMenu, next, previous, new SeparatorMenuItem(), dark);
        MenuItem paste = item("Paste", "Shortcut+V", this::paste);
        paste.setId("menu-paste");
        Menu edit = new Menu("Edit", null, paste);
        MenuBar bar = new MenuBar(file, edit, view);
        HelpMenu help = new HelpMenu(this::window, () -> vm.darkThemeProperty().get(),
                () -> bar.getMenus().stream().filter(m -> !"menu-help".equals(m.getId())).toList());
        bar.getMenus().add(help.menu());
        return bar;
    }

    /** Edit ▸ Paste: the clipboard's text opens as a document (reading the clipboard is the UI thread's). */
    public void paste() {
        javafx.scene.input.Clipboard clipboard = javafx.scene.input.Clipboard.getSystemClipboard();
        vm.openPasted(clipboard.hasString() ? clipboard.getString() : null);
    }

    private void closeSelectedTab() {
        Tab t = documents.getSelectionModel().getSelectedItem();
        if (t == null) return;
        if (t.getUserData() instanceof DocumentView) {
            vm.closeSelected();
        } else {
            documents.getTabs().remove(t);
            if (t.getOnClosed() != null) t.getOnClosed().handle(null);
        }
    }

    private List<TraceDocument> comparable() {
        return CompareTabs.comparable(vm.documents().stream().map(DocumentViewModel::document).toList());
    }

    /** File ▸ Compare…: the open gctrace documents in tab order, the first as A. */
    public void compareOpenDocuments() {
        compareOpenDocuments(List.of());
    }

    /** File ▸ Compare… (Ctrl+K): asks which open gctrace documents to compare, in which order, then opens it. */
    public ComparePicker pickComparison() {
        if (comparable().size() < 2) return null;
        ComparePicker picker = new ComparePicker(new ComparePickerModel(comparable()), window(), vm.darkThemeProperty().get());
        picker.show(this::openComparison);
        return picker;
    }

    /**
     * Compares the open gctrace documents, those read from {@code files} first and in that order
     * (loads finish in any order, so the tabs' order need not be the command line's).
     */
    public void compareOpenDocuments(List<Path> files) {
        List<Path> order = files.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        java.util.function.ToIntFunction<TraceDocument> rank = d -> {
            int i = d.file() == null ? -1 : order.indexOf(d.file().toAbsolutePath().normalize());
            return i < 0 ? order.size() : i;
        };
        List<TraceDocument> docs = comparable().stream().sorted(java.util.Comparator.comparingInt(rank)).toList();
        if (docs.size() >= 2) openComparison(docs);
    }

    /** Opens a comparison of {@code docs} (A first); the title and status line follow it while it is shown. */
    public void openComparison(List<TraceDocument> docs) {
        Tab t = CompareTabs.open(documents, docs, runner, startView);
        ComparisonTabModel c = (ComparisonTabModel) t.getUserData();
        javafx.beans.InvalidationListener follow = o -> {
            if (documents.getSelectionModel().getSelectedItem() == t) vm.showComparison(c.title(), c.statusProperty().get());
        };
        c.statusProperty().addListener(follow);
        c.titleProperty().addListener(follow);
        follow.invalidated(null);
    }

    private void nameViewItems() {
        var views = selectedDocumentView().map(DocumentView::views).orElse(List.of());
        for (int i = 0; i < viewsMenu.getItems().size(); i++) {
            MenuItem it = viewsMenu.getItems().get(i);
            boolean exists = i < views.size();
            it.setText(exists ? views.get(i).title() : "View " + (i + 1));
            it.setDisable(!exists);
        }
    }

    private void rebuildRecentMenu() {
        recentMenu.getItems().clear();
        List<Path> files = vm.recentFiles();
        for (Path p : files) {
            MenuItem it = new MenuItem(p.getFileName() + "  —  " + (p.getParent() == null ? "" : p.getParent()));
            it.setMnemonicParsing(false);
            it.setOnAction(e -> vm.openRecent(p));
            recentMenu.getItems().add(it);
        }
        if (files.isEmpty()) {
            MenuItem none = new MenuItem("No recent files");
            none.setDisable(true);
            recentMenu.getItems().add(none);
        } else {
            recentMenu.getItems().addAll(new SeparatorMenuItem(), item("Clear recent files", null, vm::clearRecentFiles));
        }
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem it = new MenuItem(text);
        if (accelerator != null) it.setAccelerator(KeyCombination.keyCombination(accelerator));
        it.setOnAction(e -> action.run());
        return it;
    }

    // ---------------------------------------------------------------- banner and status

    /**
     * One row per input that failed: its one-line headline (the whole message in the tooltip and
     * behind "Details"), and a × that dismisses it; "Dismiss all" when there are several.
     */
    private Node errorBanner() {
        errorRows.setId("error-banner");
        errorRows.getStyleClass().add("error-banner");
        Runnable rebuild = () -> {
            List<Node> rows = new java.util.ArrayList<>();
            if (vm.errors().size() > 1) rows.add(errorsHeader(vm.errors().size()));
            for (LoadError e : vm.errors()) rows.add(errorRow(e));
            errorRows.getChildren().setAll(rows);
        };
        vm.errors().addListener((ListChangeListener<LoadError>) c -> rebuild.run());
        rebuild.run();
        errorRows.visibleProperty().bind(Bindings.isNotEmpty(vm.errors()));
        errorRows.managedProperty().bind(errorRows.visibleProperty());
        return errorRows;
    }

    private Node errorsHeader(int count) {
        Label title = new Label(count + " inputs could not be opened");
        title.getStyleClass().add("error-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button all = new Button("Dismiss all");
        all.setId("error-dismiss-all");
        all.setMinWidth(Region.USE_PREF_SIZE);
        all.setOnAction(e -> vm.dismissError());
        HBox row = new HBox(title, spacer, all);
        row.getStyleClass().add("error-row");
        return row;
    }

    private Node errorRow(LoadError error) {
        Label headline = new Label(error.headline());
        headline.getStyleClass().add("error-message");
        headline.setTooltip(new Tooltip(error.details()));
        headline.setMinWidth(0);
        headline.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(headline, Priority.ALWAYS);
        Label details = new Label(error.details());
        details.getStyleClass().add("error-details");
        details.setWrapText(true);
        details.setVisible(false);
        details.managedProperty().bind(details.visibleProperty());
        javafx.scene.control.Hyperlink more = new javafx.scene.control.Hyperlink("Details");
        more.getStyleClass().add("error-details-link");
        more.setMinWidth(Region.USE_PREF_SIZE);
        more.setOnAction(e -> {
            details.setVisible(!details.isVisible());
            more.setText(details.isVisible() ? "Hide details" : "Details");
        });
        Button dismiss = new Button("×");
        dismiss.getStyleClass().add("error-dismiss");
        dismiss.setTooltip(new Tooltip("Dismiss this message"));
        dismiss.setMinWidth(Region.USE_PREF_SIZE); // the message is cut with "…"; the button never is
        dismiss.setOnAction(e -> vm.dismissError(error));
        HBox line = new HBox(headline, more, dismiss);
        line.getStyleClass().add("error-row");
        return new VBox(line, details);
    }

    private Node statusBar() {
        StatusBar bar = new StatusBar();
        bar.setId("status-bar");
        bar.textProperty().bind(vm.statusProperty());
        HBox jobs = new HBox();
        jobs.setId("load-jobs");
        jobs.getStyleClass().add("load-jobs");
        // Each load has its own progress bar beside its name, so the status bar's own stays unused.
        vm.loads().addListener((ListChangeListener<LoadJob>) c ->
                jobs.getChildren().setAll(vm.loads().stream().map(MainWindowView::jobRow).toList()));
        bar.getRightItems().add(jobs);
        return bar;
    }

    /** One load: what it read so far and how fast, its progress, and its cancel button. */
    private static Node jobRow(LoadJob job) {
        Label detail = new Label();
        detail.textProperty().bind(job.detailProperty());
        detail.getStyleClass().add("load-detail");
        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(job.progressProperty());
        progress.setPrefWidth(120);
        Button cancel = new Button("Cancel");
        cancel.getStyleClass().add("load-cancel");
        cancel.setOnAction(e -> job.cancel());
        HBox row = new HBox(detail, progress, cancel);
        row.getStyleClass().add("load-job");
        return row;
    }

    // ---------------------------------------------------------------- opening

    private void chooseFiles() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open traces");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("All files", "*"),
                new FileChooser.ExtensionFilter("Logs and dumps", "*.log", "*.txt", "*.json", "*.jsonl", "*.gz"));
        List<File> files = chooser.showOpenMultipleDialog(window());
        if (files != null) vm.openFiles(files.stream().map(File::toPath).toList());
    }

    /** File ▸ Open incident…: the files of one incident (gctrace, perf sched timehist, runtime/metrics, cpu.stat), read together. */
    private void chooseIncident() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open the files of one incident");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("All files", "*"),
                new FileChooser.ExtensionFilter("Logs and dumps", "*.log", "*.txt", "*.json", "*.jsonl", "*.gz"));
        List<File> files = chooser.showOpenMultipleDialog(window());
        if (files != null) openIncident(files.stream().map(File::toPath).toList());
    }

    /** File ▸ Follow…: a log that is still being written, read as it grows. */
    private void chooseFollowedFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Follow a growing gctrace log");
        File file = chooser.showOpenDialog(window());
        if (file != null) vm.followFile(file.toPath());
    }

    /** File ▸ Export report…: where to write it (HTML, or Markdown with PNGs beside it); the view model does the rest. */
    private void chooseReportFile() {
        String html = vm.reportFileName(ReportFormat.HTML);
        if (html == null) return;
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export report");
        FileChooser.ExtensionFilter htmlFilter = new FileChooser.ExtensionFilter("HTML report (one file)", "*.html");
        FileChooser.ExtensionFilter mdFilter = new FileChooser.ExtensionFilter("Markdown with PNG charts", "*.md");
        chooser.getExtensionFilters().addAll(htmlFilter, mdFilter);
        chooser.setInitialFileName(html);
        Path folder = vm.reportFolder();
        if (folder != null && folder.toFile().isDirectory()) chooser.setInitialDirectory(folder.toFile());
        File file = chooser.showSaveDialog(window());
        if (file == null) return;
        String name = file.getName().toLowerCase(java.util.Locale.ROOT);
        ReportFormat format = name.endsWith(".md") || !name.endsWith(".html") && chooser.getSelectedExtensionFilter() == mdFilter
                ? ReportFormat.MD : ReportFormat.HTML;
        Path target = file.toPath();
        // The name says what the file is: a Markdown report is not left with the offered .html name.
        if (!name.endsWith("." + format.extension())) {
            target = target.resolveSibling(file.getName().replaceAll("(?i)\\.(html|md)$", "") + "." + format.extension());
        }
        vm.exportReport(target, format);
    }

    /**
     * File ▸ Export chart…: the chart of the current view (the one last under the pointer when the
     * view has several) as the chart's own menu exports it, with the scale, a chosen width or SVG, and
     * the print background asked in a dialog, then where to write it.
     */
    private void exportChart() {
        CanvasChart chart = currentChart();
        if (chart == null) {
            vm.exports().failed("This view has no chart to export; its tables have Copy and Save as CSV in their menu");
            return;
        }
        ChartExportDialog dialog = new ChartExportDialog(chart.getWidth(), ChartExportMenu.printOf(root));
        dialog.initOwner(window());
        dialog.showAndWait().ifPresent(choice -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Export chart as " + choice.label());
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(choice.extension().toUpperCase(java.util.Locale.ROOT)
                    + " image", "*." + choice.extension()));
            chooser.setInitialFileName(ChartExportMenu.baseName(chart) + "." + choice.extension());
            File file = chooser.showSaveDialog(window());
            if (file != null) exportChart(chart, choice, file.toPath());
        });
    }

    /** The chart File ▸ Export chart… exports now: of the selected document's current view, or of the comparison's; null for none. */
    public CanvasChart currentChart() {
        Tab shown = documents.getSelectionModel().getSelectedItem();
        if (shown != null && shown.getUserData() instanceof ComparisonTabModel) return ChartExportMenu.chartOfView(root, shown.getContent());
        return selectedDocumentView().filter(d -> d.selectedView() >= 0 && d.selectedView() < d.views().size())
                .map(d -> ChartExportMenu.chartOfView(root, d.views().get(d.selectedView()).root())).orElse(null);
    }

    /** Writes {@code chart} as {@code choice} says to {@code target} (its extension added when missing), in the background. */
    public void exportChart(CanvasChart chart, ChartExportDialog.Choice choice, Path target) {
        String ext = "." + choice.extension();
        Path file = target.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(ext) ? target
                : target.resolveSibling(target.getFileName() + ext);
        vm.exports().saveChart(file, ChartExportMenu.snapshotOf(chart, ChartExportMenu.printOf(root).get()), choice.svg(), choice.scale());
    }

    private void wireDragAndDrop() {
        root.setOnDragOver((DragEvent e) -> {
            if (e.getDragboard().hasFiles()) {
                // LINK too, so holding the link modifiers reaches the drop (an incident) instead of refusing it
                e.acceptTransferModes(TransferMode.COPY, TransferMode.LINK);
                if (!root.getStyleClass().contains(DROP_TARGET_CLASS)) root.getStyleClass().add(DROP_TARGET_CLASS);
            }
            e.consume();
        });
        root.setOnDragExited(e -> root.getStyleClass().remove(DROP_TARGET_CLASS));
        root.setOnDragDropped((DragEvent e) -> {
            boolean ok = e.getDragboard().hasFiles();
            if (ok) dropFiles(e.getDragboard().getFiles(), e.getTransferMode());
            e.setDropCompleted(ok);
            e.consume();
        });
    }
}
