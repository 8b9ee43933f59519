package dev.gcscope.ui;

import java.util.Objects;
import javafx.scene.Parent;

/**
 * The one stylesheet and its two variable sets. Light is the default; dark adds the {@code dark}
 * style class to a root, which swaps the looked-up colours ({@code -gc-stw}, {@code -gc-forced}, …)
 * and Modena's base colours. Every scene root (the window's, each dialog's) goes through
 * {@link #apply}.
 */
public final class Theme {
    public static final String STYLESHEET = Objects.requireNonNull(Theme.class.getResource("gcscope.css"),
            "gcscope.css missing from the classpath").toExternalForm();
    public static final String DARK_CLASS = "dark";
    /** {@code -Dgcscope.theme=dark} starts the app dark. */
    public static final String THEME_PROPERTY = "gcscope.theme";

    private Theme() {}

    public static void apply(Parent root, boolean dark) {
        if (!root.getStylesheets().contains(STYLESHEET)) root.getStylesheets().add(STYLESHEET);
        root.getStyleClass().remove(DARK_CLASS);
        if (dark) root.getStyleClass().add(DARK_CLASS);
    }
}
