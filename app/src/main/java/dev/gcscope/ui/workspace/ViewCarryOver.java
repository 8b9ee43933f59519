package dev.gcscope.ui.workspace;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.value.ChangeListener;
import javafx.event.Event;
import javafx.event.EventHandler;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

/**
 * What a followed document's update must not reset, carried from the view it replaces to the new
 * one (the update builds the view shown again over the new document): how far each table and
 * scroll pane of the view shown was scrolled, and the pointer's hover. The new view is filled in
 * one layout pulse, so the state is put back after that pulse: tables and scroll panes scrolled as
 * they were, and, when the pointer was over the old view, a mouse move at the same spot sent to the
 * node now under it, so the crosshair and the hovered cycle's figures show again without the
 * mouse moving (JavaFX sends a node that appears under a still pointer no move of its own).
 */
final class ViewCarryOver {
    private final List<Integer> firstRows = new ArrayList<>();
    private final List<double[]> scrolls = new ArrayList<>();
    private final Point2D pointer;
    /** Put back on the view it was taken for: until then that view shows none of it (it sits at the top). */
    private boolean applied;

    private ViewCarryOver(List<Integer> firstRows, List<double[]> scrolls, Point2D pointer) {
        this.firstRows.addAll(firstRows);
        this.scrolls.addAll(scrolls);
        this.pointer = pointer;
    }

    private ViewCarryOver(Node shown, Point2D pointer) {
        this.pointer = pointer;
        if (shown == null) return;
        for (Node n : shown.lookupAll(".table-view")) {
            if (!(n instanceof TableView<?> t)) continue;
            IndexedCell<?> first = t.lookup(".virtual-flow") instanceof VirtualFlow<?> f ? f.getFirstVisibleCell() : null;
            firstRows.add(first == null ? 0 : first.getIndex());
        }
        for (Node n : shown.lookupAll(".scroll-pane")) {
            if (n instanceof ScrollPane p) scrolls.add(new double[] {p.getHvalue(), p.getVvalue()});
        }
    }

    /**
     * @param shown the content of the view shown, or null when it was never built
     * @param pointer where the pointer last was over the old view, in scene coordinates, or null
     */
    static ViewCarryOver of(Node shown, Point2D pointer) {
        return new ViewCarryOver(shown, pointer);
    }

    /**
     * What to carry from a view that was itself given {@code pending} by the update before it: while
     * {@code pending} has not been put back yet (two updates within one layout pulse, as when a
     * log grows fast), the view still shows its top, so reading it would lose the scrolling; the
     * pending state is carried on instead.
     */
    static ViewCarryOver of(Node shown, Point2D pointer, ViewCarryOver pending) {
        if (pending != null && !pending.applied) return new ViewCarryOver(pending.firstRows, pending.scrolls, pointer);
        return of(shown, pointer);
    }

    /** Puts the state back on {@code shown} (the new view's content) once it has been laid out in {@code scene}. */
    void applyAfterLayout(Scene scene, Node shown) {
        if (scene == null || shown == null) return;
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            // not while the pulse walks the listeners: after it
            javafx.application.Platform.runLater(() -> {
                scene.removePostLayoutPulseListener(once[0]);
                apply(shown);
                applied = true;
            });
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    private void apply(Node shown) {
        int t = 0;
        for (Node n : shown.lookupAll(".table-view")) {
            if (!(n instanceof TableView<?> table) || t >= firstRows.size()) continue;
            int row = firstRows.get(t++);
            if (row > 0 && row < table.getItems().size() && table.lookup(".virtual-flow") instanceof VirtualFlow<?> f) f.scrollToTop(row);
        }
        int s = 0;
        for (Node n : shown.lookupAll(".scroll-pane")) {
            if (!(n instanceof ScrollPane p) || s >= scrolls.size()) continue;
            double[] v = scrolls.get(s++);
            p.setHvalue(v[0]);
            p.setVvalue(v[1]);
            keepScrolledWhileFilled(p, v);
        }
        if (pointer != null) hover(shown, pointer);
    }

    /**
     * The new view's figures arrive after its first layout (the statistics run in the background),
     * and a scroll pane whose content grows keeps its pixel offset, not its position: a summary
     * scrolled to the end would drift up. So the carried position is put back whenever the content's
     * size changes, until the user scrolls, clicks or types in the pane.
     */
    private static void keepScrolledWhileFilled(ScrollPane p, double[] v) {
        Node content = p.getContent();
        if (content == null) return;
        ChangeListener<Bounds> again = (o, was, now) -> {
            p.setHvalue(v[0]);
            p.setVvalue(v[1]);
        };
        content.layoutBoundsProperty().addListener(again);
        EventHandler<Event> stop = new EventHandler<>() {
            @Override
            public void handle(Event e) {
                content.layoutBoundsProperty().removeListener(again);
                p.removeEventFilter(ScrollEvent.ANY, this);
                p.removeEventFilter(MouseEvent.MOUSE_PRESSED, this);
                p.removeEventFilter(KeyEvent.KEY_PRESSED, this);
            }
        };
        p.addEventFilter(ScrollEvent.ANY, stop);
        p.addEventFilter(MouseEvent.MOUSE_PRESSED, stop);
        p.addEventFilter(KeyEvent.KEY_PRESSED, stop);
    }

    /** Sends a mouse move at {@code scenePoint} to the deepest visible node there. */
    private static void hover(Node root, Point2D scenePoint) {
        Node target = deepestAt(root, scenePoint);
        if (target == null) return;
        Point2D screen = target.getScene() == null || target.getScene().getWindow() == null ? scenePoint
                : new Point2D(scenePoint.getX() + target.getScene().getX() + target.getScene().getWindow().getX(),
                scenePoint.getY() + target.getScene().getY() + target.getScene().getWindow().getY());
        // scene coordinates: the dispatch gives each node on the way its own
        Event.fireEvent(target, new MouseEvent(MouseEvent.MOUSE_MOVED, scenePoint.getX(), scenePoint.getY(), screen.getX(),
                screen.getY(), MouseButton.NONE, 0, false, false, false, false, false, false, false, false, false, false, null));
    }

    private static Node deepestAt(Node node, Point2D scenePoint) {
        if (!node.isVisible() || node.isMouseTransparent()) return null;
        Point2D local = node.sceneToLocal(scenePoint);
        if (local == null || !node.contains(local) && !(node instanceof Parent)) return null;
        if (node instanceof Parent p) {
            List<Node> children = p.getChildrenUnmodifiable();
            for (int i = children.size() - 1; i >= 0; i--) {
                Node hit = deepestAt(children.get(i), scenePoint);
                if (hit != null) return hit;
            }
        }
        return node.contains(local) ? node : null;
    }
}
