package dev.gcscope.ui.window;

import dev.gcscope.ui.Theme;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * Help ▸ Keyboard shortcuts and Help ▸ About. The shortcut list is read from the menus' own
 * accelerators when it opens, so it cannot drift from what the keys do; the keys of a focused chart
 * and table, which no menu carries, are listed after them.
 */
final class HelpMenu {
    /** What a focused chart or table does with keys and the mouse (TimelineKeys, TimelineMouse, the tables). */
    static final List<Shortcut> CHART_KEYS = List.of(
            new Shortcut("Timeline", "← →", "Pan by a tenth of the range shown"),
            new Shortcut("Timeline", "+ −", "Zoom in or out about the middle"),
            new Shortcut("Timeline", "Home, double click", "Show the whole range"),
            new Shortcut("Timeline", "Wheel", "Zoom about the pointer"),
            new Shortcut("Timeline", "Drag", "Select a time range"),
            new Shortcut("Timeline", "Shift+drag, Ctrl+drag, middle drag", "Pan"),
            new Shortcut("Chart", "Escape", "Clear the selection"),
            new Shortcut("Table", shortcut("C"), "Copy the rows as tab-separated text"));

    /** One line of the list: where it works, the keys, what they do. */
    record Shortcut(String where, String keys, String action) {}

    private final Supplier<Window> owner;
    private final BooleanSupplier dark;
    private final Supplier<List<Menu>> menus;

    /** @param menus the window's other menus, read each time the list opens */
    HelpMenu(Supplier<Window> owner, BooleanSupplier dark, Supplier<List<Menu>> menus) {
        this.owner = owner;
        this.dark = dark;
        this.menus = menus;
    }

    Menu menu() {
        MenuItem keys = new MenuItem("Keyboard shortcuts");
        keys.setId("menu-shortcuts");
        keys.setOnAction(e -> show("Keyboard shortcuts", shortcutsContent()));
        MenuItem about = new MenuItem("About gcscope");
        about.setId("menu-about");
        about.setOnAction(e -> show("About gcscope", aboutContent()));
        Menu help = new Menu("Help", null, keys, new SeparatorMenuItem(), about);
        help.setId("menu-help");
        return help;
    }

    /** Every menu item with an accelerator, as "Menu ▸ Item", then the chart keys. */
    List<Shortcut> shortcuts() {
        List<Shortcut> out = new ArrayList<>();
        for (Menu m : menus.get()) collect(m.getText(), m.getItems(), out);
        out.addAll(CHART_KEYS);
        return out;
    }

    private static void collect(String path, List<MenuItem> items, List<Shortcut> out) {
        for (MenuItem it : items) {
            if (it instanceof Menu sub) {
                collect(path + " ▸ " + sub.getText(), sub.getItems(), out);
            } else if (it.getAccelerator() != null) {
                out.add(new Shortcut(path, it.getAccelerator().getDisplayText(), it.getText()));
            }
        }
    }

    private javafx.scene.Node shortcutsContent() {
        GridPane grid = new GridPane();
        grid.setId("shortcuts-list");
        grid.getStyleClass().add("shortcuts-list");
        grid.setHgap(18);
        grid.setVgap(3);
        int row = 0;
        for (Shortcut s : shortcuts()) {
            Label keys = new Label(s.keys());
            keys.getStyleClass().add("shortcut-keys");
            grid.addRow(row++, keys, new Label(s.action()), hint(s.where()));
        }
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setPrefSize(780, 520);
        return scroll;
    }

    private static javafx.scene.Node aboutContent() {
        AboutInfo info = AboutInfo.current();
        Label name = new Label("gcscope " + info.version());
        name.getStyleClass().add("report-headline");
        VBox box = new VBox(name,
                new Label("Go GC traces, perf sched dumps and runtime/metrics histograms, read and compared."),
                new Label("Java " + info.java()),
                new Label("JavaFX " + info.javafx()),
                new Label("Licence: " + AboutInfo.LICENCE));
        box.setId("about-content");
        box.getStyleClass().add("about-content");
        return box;
    }

    private void show(String title, javafx.scene.Node content) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner.get());
        dialog.initModality(Modality.NONE);
        dialog.setTitle(title);
        dialog.setResizable(true);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        Theme.apply(dialog.getDialogPane(), dark.getAsBoolean());
        dialog.show();
    }

    private static Label hint(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("hint");
        return l;
    }

    private static String shortcut(String key) {
        return javafx.scene.input.KeyCombination.keyCombination("Shortcut+" + key).getDisplayText();
    }
}
