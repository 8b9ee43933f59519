package dev.gcscope.ui.table;

import dev.gcscope.export.table.TextTable;
import dev.gcscope.ui.export.FileExports;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.FileChooser;

/**
 * The context menu every table of the window has: Copy as TSV (for a spreadsheet), Copy as Markdown
 * (for an issue or a wiki), both of the rows as shown, in the order and filter on screen; and Save as
 * CSV…, which writes the plain values through the window's {@link FileExports} (off the UI thread,
 * atomically, never over an open input).
 */
public final class TableActions {
    private TableActions() {}

    /** @param name what the table holds, for the file name and the messages ("percentiles") */
    public static void install(TableView<?> table, String name) {
        install(table, name, plain -> TableText.of(table, plain));
    }

    public static void install(TreeTableView<?> tree, String name) {
        install(tree, name, plain -> TableText.of(tree, plain));
    }

    private static void install(Control table, String name, Function<Boolean, TextTable> text) {
        MenuItem tsv = item("Copy as TSV", "copy-tsv", () -> copy(text.apply(false).tsv()));
        MenuItem markdown = item("Copy as Markdown", "copy-markdown", () -> copy(text.apply(false).markdown()));
        MenuItem csv = item("Save as CSV…", "save-csv", () -> chooseAndSave(table, name, text));
        ContextMenu menu = new ContextMenu(tsv, markdown, new SeparatorMenuItem(), csv);
        // Saving needs the window's exports; a table shown outside the window can still be copied.
        menu.setOnShowing(e -> csv.setDisable(exports(table).isEmpty()));
        table.setContextMenu(menu);
    }

    private static MenuItem item(String text, String id, Runnable action) {
        MenuItem it = new MenuItem(text);
        it.setId(id);
        it.setOnAction(e -> action.run());
        return it;
    }

    /** Puts {@code text} on the clipboard as plain text. */
    public static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    private static void chooseAndSave(Control table, String name, Function<Boolean, TextTable> text) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the " + name + " table as CSV");
        chooser.setInitialFileName(fileName(name) + ".csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV files", "*.csv"));
        Scene scene = table.getScene();
        File file = chooser.showSaveDialog(scene == null ? null : scene.getWindow());
        if (file != null) saveCsv(table, name, file.toPath(), text.apply(true));
    }

    /** Writes the table's plain values as CSV to {@code target} through the window's exports; false when there are none. */
    public static boolean saveCsv(TableView<?> table, String name, Path target) {
        return saveCsv(table, name, target, TableText.of(table, true));
    }

    public static boolean saveCsv(TreeTableView<?> tree, String name, Path target) {
        return saveCsv(tree, name, target, TableText.of(tree, true));
    }

    private static boolean saveCsv(Control table, String name, Path target, TextTable text) {
        Optional<FileExports> exports = exports(table);
        // the text is read here, on the UI thread, where the table lives; only the writing moves off it
        String csv = text.csv();
        exports.ifPresent(x -> x.saveText(target, csv, "the " + name + " table"));
        return exports.isPresent();
    }

    /** The window's exports, published on its root. */
    static Optional<FileExports> exports(Node node) {
        Scene scene = node.getScene();
        if (scene == null || scene.getRoot() == null) return Optional.empty();
        Object x = scene.getRoot().getProperties().get(FileExports.KEY);
        return x instanceof FileExports f ? Optional.of(f) : Optional.empty();
    }

    /** "percentiles by regime" → "percentiles-by-regime". */
    static String fileName(String name) {
        String s = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return s.isEmpty() ? "table" : s;
    }
}
