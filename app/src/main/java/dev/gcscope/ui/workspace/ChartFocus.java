package dev.gcscope.ui.workspace;

import dev.gcscope.ui.chart.CanvasChart;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.Parent;

/**
 * Finds the chart of a view that takes keys: the first visible, focus-traversable
 * {@link CanvasChart} in the view's node tree, breadth first so that the view's main chart wins
 * over a small one nested deeper (a legend, an inset).
 */
final class ChartFocus {
    private ChartFocus() {}

    static Optional<Node> firstChart(Node view) {
        Deque<Node> queue = new ArrayDeque<>();
        queue.add(view);
        while (!queue.isEmpty()) {
            Node n = queue.poll();
            if (!n.isVisible()) continue;
            if (n instanceof CanvasChart && n.isFocusTraversable() && !n.isDisabled()) return Optional.of(n);
            if (n instanceof Parent p) queue.addAll(p.getChildrenUnmodifiable());
        }
        return Optional.empty();
    }
}
