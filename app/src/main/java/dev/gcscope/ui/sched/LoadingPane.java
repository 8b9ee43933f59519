package dev.gcscope.ui.sched;

import dev.gcscope.ui.task.BackgroundRunner;
import dev.gcscope.ui.task.BackgroundTask;
import dev.gcscope.ui.task.TaskListener;
import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

/**
 * A view's content computed in the background: shows "Computing…" until the task is done, then
 * the node built from its result on the UI thread (or the error, in one line).
 */
final class LoadingPane extends StackPane {
    private final Label placeholder = new Label("Computing…");

    /** A pane that shows "Computing…" until {@link #show} or {@link #fail} is called. */
    LoadingPane() {
        getStyleClass().add("sched-loading");
        placeholder.getStyleClass().add("hint");
        getChildren().setAll(placeholder);
    }

    <T> LoadingPane(BackgroundRunner runner, String name, BackgroundTask<T> task, Function<T, Node> build) {
        this();
        runner.submit(name, task, new TaskListener<T>() {
            @Override
            public void succeeded(T value) {
                show(build.apply(value));
            }

            @Override
            public void failed(Throwable error) {
                fail(error);
            }
        });
    }

    void show(Node content) {
        getChildren().setAll(content);
    }

    void fail(Throwable error) {
        fail("Could not compute this view: " + error);
    }

    /** Shows {@code message} (one line saying why) instead of "Computing…". */
    void fail(String message) {
        placeholder.setText(message);
    }
}
