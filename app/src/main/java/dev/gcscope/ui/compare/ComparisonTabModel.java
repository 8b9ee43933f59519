package dev.gcscope.ui.compare;

import javafx.beans.property.ReadOnlyStringProperty;

/**
 * What the window needs of a comparison tab, whatever it compares (gctrace documents, two timehist or
 * two runtime/metrics documents): its name for the title bar and its status line.
 */
public interface ComparisonTabModel {
    /** {@code a vs b}. */
    ReadOnlyStringProperty titleProperty();

    String title();

    ReadOnlyStringProperty statusProperty();
}
