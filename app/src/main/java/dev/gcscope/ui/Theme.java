package dev.gcscope.ui;

import java.util.List;
import java.util.Objects;
import javafx.scene.Parent;

/**
 * The one stylesheet and its two variable sets. Light is the default; dark adds the {@code dark}
 * style class to a root, which swaps the looked-up colours ({@code -gc-stw}, {@code -gc-forced}, …)
 * and Modena's base colours. Every scene root (the window's, each dialog's) goes through
 * {@link #apply}.
 */
public final class Theme {
    public static final String STYLESHEET = stylesheet("gcscope.css");
    /**
     * The palette and window live in {@link #STYLESHEET}; each family of views keeps its rules in a
     * sheet of its own (using only the palette's looked-up colours), so they can grow apart.
     */
    public static final List<String> STYLESHEETS = List.of(STYLESHEET, stylesheet("workspace.css"),
            stylesheet("gctrace-views.css"), stylesheet("sched-views.css"), stylesheet("compare-views.css"));
    public static final String DARK_CLASS = "dark";
    /** {@code -Dgcscope.theme=dark} starts the app dark. */
    public static final String THEME_PROPERTY = "gcscope.theme";

    private Theme() {}

    public static void apply(Parent root, boolean dark) {
        for (String sheet : STYLESHEETS) {
            if (!root.getStylesheets().contains(sheet)) root.getStylesheets().add(sheet);
        }
        root.getStyleClass().remove(DARK_CLASS);
        if (dark) root.getStyleClass().add(DARK_CLASS);
    }

    private static String stylesheet(String name) {
        return Objects.requireNonNull(Theme.class.getResource(name), name + " missing from the classpath").toExternalForm();
    }
}
