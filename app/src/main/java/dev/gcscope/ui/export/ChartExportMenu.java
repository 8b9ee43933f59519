package dev.gcscope.ui.export;

import dev.gcscope.cli.AtomicFileWriter;
import dev.gcscope.export.ChartImages;
import dev.gcscope.render.ChartFont;
import dev.gcscope.render.Rgba;
import dev.gcscope.render.plot.ChartDrawing;
import dev.gcscope.render.plot.LegendedChart;
import javafx.scene.canvas.Canvas;
import dev.gcscope.ui.Theme;
import dev.gcscope.ui.chart.CanvasChart;
import dev.gcscope.ui.chart.FxPainter;
import dev.gcscope.ui.task.BackgroundRunner;
import dev.gcscope.ui.task.TaskListener;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.FileChooser;

/**
 * Every chart's context menu: Copy chart (Ctrl+Shift+C), and Export chart as PNG at 1×, 2× or 3× or
 * as SVG, optionally on white in the light theme's colours (for print). What is exported is the chart as it is on screen — its size, data, selection, highlight and
 * theme — frozen on the UI thread ({@link CanvasChart#drawing()}), then drawn through the same
 * renderer into a bitmap or an SVG and written atomically by the window's background runner, never on
 * the UI thread.
 *
 * <p>Installed once on the window's root ({@link #install}) rather than by each chart: the charts
 * ({@code ui.chart}) know nothing of files, and every chart of every view, built now or later, gets
 * the same menu from the one handler the events bubble up to.
 */
public final class ChartExportMenu {
    public static final KeyCombination COPY = KeyCombination.keyCombination("Shortcut+Shift+C");

    /** What an export writes: a bitmap at some scale, or SVG. */
    public enum Kind {
        PNG_1X("PNG (1×)", "png", 1), PNG_2X("PNG (2×)", "png", 2), PNG_3X("PNG (3×)", "png", 3), SVG("SVG", "svg", 0);

        final String label;
        final String extension;
        final int scale;

        Kind(String label, String extension, int scale) {
            this.label = label;
            this.extension = extension;
            this.scale = scale;
        }
    }

    /** A chart frozen for export: what to draw, how large, on what. */
    public record Snapshot(ChartDrawing drawing, double width, double height, Rgba background) {}

    private final CanvasChart chart;
    private final BackgroundRunner runner;
    /** The window's choice of a white "print" background, kept from one menu to the next. */
    private final BooleanProperty print;
    private final ContextMenu menu = new ContextMenu();

    ChartExportMenu(CanvasChart chart, BackgroundRunner runner, BooleanProperty print) {
        this.chart = chart;
        this.runner = runner;
        this.print = print;
        MenuItem copy = new MenuItem("Copy chart");
        copy.setId("chart-copy");
        copy.setAccelerator(COPY);
        copy.setOnAction(e -> copy());
        menu.getItems().addAll(copy, new SeparatorMenuItem());
        for (Kind k : Kind.values()) {
            MenuItem item = new MenuItem("Export chart as " + k.label + "…");
            item.setId("chart-export-" + k.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            item.setOnAction(e -> chooseAndExport(k));
            menu.getItems().add(item);
        }
        CheckMenuItem white = new CheckMenuItem("White background (for print)");
        white.setId("chart-export-print");
        white.selectedProperty().bindBidirectional(print);
        menu.getItems().addAll(new SeparatorMenuItem(), white);
    }

    /**
     * Gives every chart under {@code root} the menu (on a right-click or the platform's menu key) and
     * Ctrl+Shift+C, which copies the chart the pointer was last over.
     */
    public static void install(Parent root, BackgroundRunner runner) {
        CanvasChart[] lastHovered = new CanvasChart[1];
        BooleanProperty print = new SimpleBooleanProperty(false);
        root.getProperties().put(STATE_KEY, new WindowState(print, lastHovered));
        root.addEventFilter(MouseEvent.MOUSE_MOVED, e -> {
            CanvasChart c = chartOf(e.getTarget());
            if (c != null) lastHovered[0] = c;
        });
        root.addEventHandler(ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> {
            CanvasChart c = chartOf(e.getTarget());
            if (c == null) return;
            e.consume();
            new ChartExportMenu(c, runner, print).menu.show(c, e.getScreenX(), e.getScreenY());
        });
        root.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            CanvasChart c = lastHovered[0];
            if (!COPY.match(e) || c == null || c.getScene() != root.getScene() || !c.isVisible()) return;
            e.consume();
            new ChartExportMenu(c, runner, print).copy();
        });
    }

    /** Where File ▸ Export chart… finds what the menus share: the print choice and the chart last under the pointer. */
    private static final Object STATE_KEY = new Object();

    private record WindowState(BooleanProperty print, CanvasChart[] lastHovered) {}

    private static WindowState stateOf(Parent root) {
        Object s = root.getProperties().get(STATE_KEY);
        if (s instanceof WindowState w) return w;
        WindowState w = new WindowState(new SimpleBooleanProperty(false), new CanvasChart[1]);
        root.getProperties().put(STATE_KEY, w);
        return w;
    }

    /** The window's white-background choice, shared by every chart's menu and File ▸ Export chart…. */
    public static BooleanProperty printOf(Parent root) {
        return stateOf(root).print();
    }

    /**
     * The chart File ▸ Export chart… exports from {@code view}: the one the pointer was last over if it
     * is in the view and shown, else the view's first chart shown; null when the view has none.
     */
    public static CanvasChart chartOfView(Parent root, Node view) {
        CanvasChart hovered = stateOf(root).lastHovered()[0];
        if (hovered != null && shown(hovered) && isInside(hovered, view)) return hovered;
        return firstChart(view);
    }

    private static boolean isInside(Node n, Node ancestor) {
        for (Node p = n; p != null; p = p.getParent()) if (p == ancestor) return true;
        return false;
    }

    private static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) if (!p.isVisible()) return false;
        return n.getScene() != null;
    }

    private static CanvasChart firstChart(Node n) {
        if (n instanceof CanvasChart c) return shown(c) && c.getWidth() > 0 ? c : null;
        if (n instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                CanvasChart c = firstChart(child);
                if (c != null) return c;
            }
        }
        return null;
    }

    /** The chart {@code target} is, or is inside; null for none. */
    static CanvasChart chartOf(Object target) {
        for (Node n = target instanceof Node node ? node : null; n != null; n = n.getParent()) {
            if (n instanceof CanvasChart c) return c;
        }
        return null;
    }

    /** The menu, for a test to fire its items. */
    public static ContextMenu menuOf(CanvasChart chart, BackgroundRunner runner) {
        return new ChartExportMenu(chart, runner, new SimpleBooleanProperty(false)).menu;
    }

    /** The chart as it is now, to be drawn anywhere later. Call on the UI thread. */
    public static Snapshot snapshotOf(CanvasChart chart) {
        return snapshot(chart, backgroundBehind(chart));
    }

    /**
     * What to export of {@code chart}: what it draws at its size on screen, under the legend the
     * window shows beside it (a timeline's is in the view's header), which adds to the height.
     */
    private static Snapshot snapshot(CanvasChart chart, Rgba background) {
        ChartDrawing d = chart.exportDrawing();
        double w = chart.getWidth(), h = chart.getHeight();
        if (d instanceof LegendedChart legended) {
            double legend = Math.ceil(legended.legendHeight(new FxPainter(new Canvas(1, 1).getGraphicsContext2D()), w));
            return new Snapshot(legended.withLegendHeight(legend), w, h + legend, background);
        }
        return new Snapshot(d, w, h, background);
    }

    /**
     * The chart as it is now in the light theme's colours on white, for paper: in a dark window the
     * light theme is applied to the chart for the moment of the snapshot and taken back before the
     * next pulse, so the screen never shows it (the chart redraws once more, dark). Call on the UI thread.
     */
    public static Snapshot printSnapshotOf(CanvasChart chart) {
        Parent root = chart.getScene() == null ? null : chart.getScene().getRoot();
        boolean dark = root != null && root.getStyleClass().contains(Theme.DARK_CLASS);
        if (!dark) return snapshot(chart, Rgba.WHITE);
        root.getStyleClass().remove(Theme.DARK_CLASS);
        try {
            chart.applyCss();
            return snapshot(chart, Rgba.WHITE);
        } finally {
            root.getStyleClass().add(Theme.DARK_CLASS);
            chart.applyCss();
        }
    }

    private Snapshot snapshot() {
        return snapshotOf(chart, print.get());
    }

    /** The chart as it is now, on its card or (print) in the light theme on white. Call on the UI thread. */
    public static Snapshot snapshotOf(CanvasChart chart, boolean print) {
        return print ? printSnapshotOf(chart) : snapshotOf(chart);
    }

    /** The colour the chart is seen on: the fill of the nearest region around it that has one (its card). */
    static Rgba backgroundBehind(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof Region r) {
                Background b = r.getBackground();
                if (b != null) {
                    for (int i = b.getFills().size() - 1; i >= 0; i--) {
                        BackgroundFill f = b.getFills().get(i);
                        if (f.getFill() instanceof Color c && c.getOpacity() > 0) return FxPainter.rgba(c);
                    }
                }
            }
        }
        return Rgba.WHITE;
    }

    /** Exports to {@code file} in the background; failures are shown in a dialog. */
    void export(Kind kind, Path file) {
        Snapshot s = snapshot();
        runner.submit("export chart to " + file.getFileName(), ctx -> {
            write(s, kind, file);
            return file;
        }, new TaskListener<>() {
            @Override
            public void succeeded(Path value) {}

            @Override
            public void failed(Throwable e) {
                showError("Could not export the chart to " + file + ": " + e.getMessage());
            }
        });
    }

    /** Draws the snapshot and writes it to {@code file} atomically. Runs on any thread. */
    public static void write(Snapshot s, Kind kind, Path file) throws IOException {
        write(s, kind == Kind.SVG, kind.scale, file);
    }

    /**
     * Draws the snapshot and writes it to {@code file} atomically, as SVG or as a PNG {@code scale}
     * times the chart's size (a chosen width is a scale that is not whole). Runs on any thread.
     */
    public static void write(Snapshot s, boolean svg, double scale, Path file) throws IOException {
        if (svg) {
            AtomicFileWriter.write(file, w -> ChartImages.writeSvg(s.drawing(), s.width(), s.height(), s.background(),
                    ChartFont.labels(), w));
        } else {
            AtomicFileWriter.write(file, ChartImages.png(s.drawing(), s.width(), s.height(), scale, s.background()));
        }
    }

    private void chooseAndExport(Kind kind) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export chart as " + kind.label);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind.extension.toUpperCase(Locale.ROOT) + " image",
                "*." + kind.extension));
        chooser.setInitialFileName(baseName() + "." + kind.extension);
        File f = chooser.showSaveDialog(chart.getScene() == null ? null : chart.getScene().getWindow());
        if (f == null) return;
        Path file = f.toPath();
        if (!f.getName().toLowerCase(Locale.ROOT).endsWith("." + kind.extension)) file = file.resolveSibling(f.getName() + "." + kind.extension);
        export(kind, file);
    }

    /** The chart's id ("pause-timeline-chart" gives "pause-timeline"), or "chart". */
    private String baseName() {
        return baseName(chart);
    }

    /** The chart's id ("pause-timeline-chart" gives "pause-timeline"), or "chart": the offered file name. */
    public static String baseName(CanvasChart chart) {
        String id = chart.getId();
        if (id == null || id.isEmpty()) return "chart";
        return id.endsWith("-chart") ? id.substring(0, id.length() - "-chart".length()) : id;
    }

    /** Puts the chart on the clipboard as an image at the screen's scale, drawn off the UI thread. */
    void copy() {
        Snapshot s = snapshot();
        double scale = chart.getScene() != null && chart.getScene().getWindow() != null
                ? Math.max(1, chart.getScene().getWindow().getOutputScaleX()) : 1;
        runner.submit("copy chart", ctx -> ChartImages.image(s.drawing(), s.width(), s.height(), scale, s.background()),
                new TaskListener<>() {
                    @Override
                    public void succeeded(BufferedImage image) {
                        ClipboardContent content = new ClipboardContent();
                        content.putImage(fxImage(image));
                        Clipboard.getSystemClipboard().setContent(content);
                    }

                    @Override
                    public void failed(Throwable e) {
                        showError("Could not copy the chart: " + e.getMessage());
                    }
                });
    }

    static WritableImage fxImage(BufferedImage image) {
        int w = image.getWidth(), h = image.getHeight();
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        WritableImage fx = new WritableImage(w, h);
        fx.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return fx;
    }

    private void showError(String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message);
        alert.setHeaderText(null);
        alert.initOwner(chart.getScene() == null ? null : chart.getScene().getWindow());
        alert.show();
    }
}
