package dev.gcscope.ui.view;

import java.util.Objects;
import java.util.function.Supplier;
import javafx.scene.Node;

/**
 * A view known by its tab (title and id) before it exists: the view itself is built the first time
 * its {@link #root()} is asked for, which the document view does when the tab is first shown.
 * On a million cycles the nine gctrace views together read their columns and start their own
 * background work for seconds; the one a user looks at first must not wait for the other eight.
 */
public final class LazyTraceView implements TraceView {
    private final String id;
    private final String title;
    private final Supplier<? extends TraceView> factory;
    private TraceView view;

    /** @param factory builds the view, on the UI thread; its title and id must be these */
    public LazyTraceView(String id, String title, Supplier<? extends TraceView> factory) {
        this.id = Objects.requireNonNull(id);
        this.title = Objects.requireNonNull(title);
        this.factory = Objects.requireNonNull(factory);
    }

    /** The view, built now if it was not yet. */
    public TraceView view() {
        if (view == null) {
            TraceView built = factory.get();
            // The tab was labelled before the view existed: a view renamed in one place only is a bug.
            if (!built.id().equals(id) || !built.title().equals(title)) {
                throw new IllegalStateException("view announced as " + id + " \"" + title + "\" is " + built.id() + " \""
                        + built.title() + "\"");
            }
            view = built;
        }
        return view;
    }

    /** True once the view has been built. */
    public boolean isBuilt() {
        return view != null;
    }

    /** The view behind {@code v}: itself unless it is a lazy one, which is built if it was not yet. */
    public static TraceView unwrap(TraceView v) {
        return v instanceof LazyTraceView lazy ? lazy.view() : v;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Node root() {
        return view().root();
    }
}
