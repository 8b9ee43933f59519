package dev.gcscope.ui.view;

import java.util.Map;
import javafx.beans.value.ObservableValue;

/**
 * A view whose choices change figures of its document's Summary: the perf views' "Your program"
 * chooser changes "Worst delay (program)" there (issue 15: the summary kept naming the guess after
 * the user picked another program). The workspace binds each figure, by its {@link KeyFigure#id()},
 * to the value given here.
 */
public interface LiveFigures {
    /** The figures this view keeps up to date, by key figure id, each as the summary writes it. */
    Map<String, ObservableValue<String>> liveFigures();
}
