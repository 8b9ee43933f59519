package dev.gcscope.ui.window;

import dev.gcscope.samples.SampleTraces;
import dev.gcscope.ui.Theme;
import dev.gcscope.ui.chart.StwChart;
import dev.gcscope.ui.report.ParseReportDialog;
import dev.gcscope.ui.summary.SummaryView;
import java.io.File;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.controlsfx.control.StatusBar;

/**
 * The main window: menu, error banner, summary panel, STW chart and status bar, wired to a
 * {@link MainWindowViewModel}. It decides nothing; every action is a view model command. Files can
 * be dropped anywhere on the window.
 */
public final class MainWindowView {
    static final String DROP_TARGET_CLASS = "drop-target";

    private final MainWindowViewModel vm;
    private final BorderPane root = new BorderPane();
    private final StwChart chart = new StwChart();
    private final Label errorLabel = new Label();

    public MainWindowView(MainWindowViewModel vm) {
        this.vm = vm;
        root.getStyleClass().add("main-window");
        root.setTop(new VBox(menuBar(), errorBanner()));
        root.setCenter(content());
        root.setBottom(statusBar());
        wireDragAndDrop();
        Theme.apply(root, vm.darkThemeProperty().get());
        vm.darkThemeProperty().addListener((obs, old, dark) -> Theme.apply(root, dark));
    }

    public Parent root() {
        return root;
    }

    public Scene createScene(double width, double height) {
        return new Scene(root, width, height);
    }

    public StwChart chart() {
        return chart;
    }

    /** What dropping {@code files} on the window does; the drag-and-drop handler calls it. */
    public void dropFiles(List<File> files) {
        vm.openDropped(files.stream().map(File::toPath).toList());
    }

    /** Opens the parse report of the trace shown (the "Parse report…" button). */
    public void showParseReport() {
        vm.parseReport().ifPresent(report -> ParseReportDialog.create(report, window(), vm.darkThemeProperty().get()).show());
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    // ---------------------------------------------------------------- parts

    private Node menuBar() {
        MenuItem open = new MenuItem("Open…");
        open.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        open.setOnAction(e -> chooseFile());
        Menu samples = new Menu("Open sample");
        for (SampleTraces.Sample s : vm.samples()) {
            MenuItem item = new MenuItem(s.path().substring(s.path().indexOf('/') + 1));
            item.setOnAction(e -> vm.openSample(s.path()));
            samples.getItems().add(item);
        }
        MenuItem report = new MenuItem("Parse report…");
        report.setOnAction(e -> showParseReport());
        report.disableProperty().bind(vm.traceProperty().isNull());
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(e -> Platform.exit());
        Menu file = new Menu("File", null, open, samples, new SeparatorMenuItem(), report, new SeparatorMenuItem(), quit);

        CheckMenuItem dark = new CheckMenuItem("Dark theme");
        dark.setId("dark-theme-item");
        dark.selectedProperty().bindBidirectional(vm.darkThemeProperty());
        Menu view = new Menu("View", null, dark);
        return new MenuBar(file, view);
    }

    private Node errorBanner() {
        errorLabel.setId("error-message");
        errorLabel.setWrapText(true);
        errorLabel.textProperty().bind(vm.errorMessageProperty());
        HBox.setHgrow(errorLabel, Priority.ALWAYS);
        errorLabel.setMaxWidth(Double.MAX_VALUE);
        Button dismiss = new Button("Dismiss");
        dismiss.setMinWidth(Region.USE_PREF_SIZE); // the message wraps; the button never shrinks to "…"
        dismiss.setOnAction(e -> vm.dismissError());
        HBox banner = new HBox(errorLabel, dismiss);
        banner.setId("error-banner");
        banner.getStyleClass().add("error-banner");
        banner.visibleProperty().bind(vm.errorMessageProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    private Node content() {
        SummaryView summary = new SummaryView(vm.summary(), this::showParseReport);

        Label title = new Label("Stop-the-world pause per GC cycle");
        title.getStyleClass().add("section-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label hint = new Label("hover a point for its exact values");
        hint.getStyleClass().add("hint");
        HBox header = new HBox(title, spacer, legend("cycle", swatch()), legend("forced", diamond()), hint);
        header.getStyleClass().add("chart-header");

        chart.setId("stw-chart");
        chart.seriesProperty().bind(vm.stwSeriesProperty());
        chart.placeholderProperty().bind(vm.chartPlaceholderProperty());
        VBox.setVgrow(chart, Priority.ALWAYS);
        VBox chartBox = new VBox(header, chart);
        chartBox.getStyleClass().add("chart-box");
        VBox.setVgrow(chartBox, Priority.ALWAYS);

        VBox content = new VBox(summary.root(), chartBox);
        content.getStyleClass().add("content");
        return content;
    }

    private static Label legend(String text, Node graphic) {
        Label l = new Label(text, graphic);
        l.getStyleClass().add("legend-item");
        return l;
    }

    private static Node swatch() {
        Rectangle r = new Rectangle(10, 10);
        r.getStyleClass().add("legend-stw");
        return r;
    }

    private static Node diamond() {
        Polygon p = new Polygon(5, 0, 10, 5, 5, 10, 0, 5);
        p.getStyleClass().add("legend-forced");
        return p;
    }

    private Node statusBar() {
        StatusBar bar = new StatusBar();
        bar.setId("status-bar");
        bar.textProperty().bind(vm.statusProperty());
        bar.progressProperty().bind(Bindings.when(vm.loadingProperty()).then(vm.progressProperty()).otherwise(0.0));
        Button cancel = new Button("Cancel");
        cancel.setId("cancel-button");
        cancel.setOnAction(e -> vm.cancelLoading());
        cancel.visibleProperty().bind(vm.loadingProperty());
        cancel.managedProperty().bind(vm.loadingProperty());
        bar.getRightItems().add(cancel);
        return bar;
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a Go GC trace");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("All files", "*"),
                new FileChooser.ExtensionFilter("Logs", "*.log", "*.txt", "*.gz"));
        File f = chooser.showOpenDialog(window());
        if (f != null) vm.openFile(f.toPath());
    }

    private void wireDragAndDrop() {
        root.setOnDragOver((DragEvent e) -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
                if (!root.getStyleClass().contains(DROP_TARGET_CLASS)) root.getStyleClass().add(DROP_TARGET_CLASS);
            }
            e.consume();
        });
        root.setOnDragExited(e -> root.getStyleClass().remove(DROP_TARGET_CLASS));
        root.setOnDragDropped((DragEvent e) -> {
            boolean ok = e.getDragboard().hasFiles();
            if (ok) dropFiles(e.getDragboard().getFiles());
            e.setDropCompleted(ok);
            e.consume();
        });
    }
}
