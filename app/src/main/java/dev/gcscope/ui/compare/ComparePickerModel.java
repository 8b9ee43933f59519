package dev.gcscope.ui.compare;

import dev.gcscope.ui.workspace.TraceDocument;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What File ▸ Compare… asks: which of the open gctrace documents to compare and in which order (the
 * first is A; three or more make a ladder in this order). Every document starts chosen, in the order
 * given; a comparison needs two.
 */
public final class ComparePickerModel {
    /** One open document, and whether it takes part. */
    public static final class Entry {
        private final TraceDocument document;
        private final BooleanProperty chosen = new SimpleBooleanProperty(true);

        Entry(TraceDocument document, boolean chosen) {
            this.document = document;
            this.chosen.set(chosen);
        }

        public TraceDocument document() { return document; }
        public BooleanProperty chosenProperty() { return chosen; }

        @Override
        public String toString() {
            return document.displayName();
        }
    }

    private final ObservableList<Entry> entries =
            FXCollections.observableArrayList(e -> new javafx.beans.Observable[] {e.chosenProperty()});
    private final BooleanBinding canCompare;

    public ComparePickerModel(List<TraceDocument> open) {
        // the documents of the first one's kind start chosen (a scheduler comparison takes two)
        List<TraceDocument> first = CompareKinds.sameKindAsFirst(open);
        for (TraceDocument d : open) entries.add(new Entry(d, first.contains(d)));
        canCompare = Bindings.createBooleanBinding(() -> CompareKinds.canCompare(chosen()), entries);
    }

    public ObservableList<Entry> entries() {
        return entries;
    }

    /** Moves entry {@code i} one place up (towards A); nothing at the top. */
    public void moveUp(int i) {
        if (i > 0 && i < entries.size()) entries.add(i - 1, entries.remove(i));
    }

    /** Moves entry {@code i} one place down; nothing at the bottom. */
    public void moveDown(int i) {
        if (i >= 0 && i + 1 < entries.size()) entries.add(i + 1, entries.remove(i));
    }

    /** The chosen documents in the order shown. */
    public List<TraceDocument> chosen() {
        return entries.stream().filter(e -> e.chosenProperty().get()).map(Entry::document).toList();
    }

    /** Why the chosen documents make no comparison; empty when they do. */
    public String whyNot() {
        return CompareKinds.whyNot(chosen());
    }

    /** True while the chosen documents make a comparison: two or more gctrace, or two timehist or two runtime/metrics. */
    public BooleanBinding canCompareBinding() {
        return canCompare;
    }
}
