package dev.gcscope.parsers.table;

import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.longs.LongCollection;
import it.unimi.dsi.fastutil.longs.LongComparator;
import it.unimi.dsi.fastutil.longs.LongList;
import it.unimi.dsi.fastutil.longs.LongListIterator;
import it.unimi.dsi.fastutil.longs.LongSpliterator;
import it.unimi.dsi.fastutil.longs.LongSpliterators;
import java.util.NoSuchElementException;
import java.util.function.LongConsumer;
import java.util.function.LongPredicate;

/**
 * The list behind a Tablesaw {@code DateTimeColumn} kept as {@link PackedLongs}: the packed
 * date-times of one day differ only in their low bits, and a column of nothing but missing values
 * (a log without timestamps, most of them) takes nothing but its block index ({@link PackedLongs#MISSING}
 * is Tablesaw's missing date-time too).
 *
 * <p>Reading never allocates a {@code long[]}. Anything that changes the list first turns it into
 * an ordinary {@link LongArrayList} (the values decoded once), then does what the superclass does.
 * Every public method of {@link LongArrayList} is overridden here (CompactListsTest checks it), and
 * the superclass's array is null while compact, so a method missed by a future fastutil fails loudly
 * instead of reading an empty array.
 *
 * <p>CompactIntList, CompactLongList and CompactDoubleList are the same class for three primitive
 * types, as fastutil's own lists are (it generates them from one template): each must extend its
 * type's own fastutil list for Tablesaw to take it, so no common superclass can hold the code.
 */
public final class CompactLongList extends LongArrayList {
    private PackedLongs.View view;

    public CompactLongList(PackedLongs.View view) {
        super(0);
        this.view = view;
        this.a = null;
        this.size = view.size();
    }

    private long decode(int i) {
        return view.get(i);
    }

    /** Becomes an ordinary list, for a change. */
    private void inflate() {
        if (view == null) return;
        long[] values = new long[Math.max(size, 1)];
        view.get(0, size, values, 0);
        a = values;
        view = null;
    }

    private static boolean same(long x, long y) {
        return x == y;
    }

    // reading, compact

    @Override
    public long getLong(int index) {
        if (view == null) return super.getLong(index);
        if (index >= size) throw new IndexOutOfBoundsException("Index (" + index + ") is greater than or equal to list size (" + size + ")");
        return decode(index);
    }

    @Override
    public int indexOf(long k) {
        if (view == null) return super.indexOf(k);
        for (int i = 0; i < size; i++) if (same(k, decode(i))) return i;
        return -1;
    }

    @Override
    public int lastIndexOf(long k) {
        if (view == null) return super.lastIndexOf(k);
        for (int i = size; i-- != 0;) if (same(k, decode(i))) return i;
        return -1;
    }

    @Override
    public long[] toLongArray() {
        if (view == null) return super.toLongArray();
        long[] out = new long[size];
        view.get(0, size, out, 0);
        return out;
    }

    @Override
    public long[] toArray(long[] target) {
        if (view == null) return super.toArray(target);
        if (target == null || target.length < size) target = new long[size];
        view.get(0, size, target, 0);
        return target;
    }

    @Override
    public void getElements(int from, long[] target, int offset, int length) {
        if (view == null) { super.getElements(from, target, offset, length); return; }
        if (from < 0 || length < 0 || from + length > size) throw new IndexOutOfBoundsException();
        view.get(from, from + length, target, offset);
    }

    @Override
    public void forEach(LongConsumer action) {
        if (view == null) { super.forEach(action); return; }
        for (int i = 0; i < size; i++) action.accept(decode(i));
    }

    @Override
    public LongListIterator listIterator(int index) {
        if (view == null) return super.listIterator(index);
        if (index < 0 || index > size) throw new IndexOutOfBoundsException("Index: " + index);
        return new Reader(index);
    }

    @Override
    public LongSpliterator spliterator() {
        if (view == null) return super.spliterator();
        return LongSpliterators.wrap(toLongArray());
    }

    @Override
    public LongArrayList clone() {
        if (view == null) return super.clone();
        return LongArrayList.wrap(toLongArray());
    }

    @Override
    public boolean equals(LongArrayList other) {
        if (other == this) return true;
        if (other == null || other.size() != size) return false;
        for (int i = 0; i < size; i++) if (!same(getLong(i), other.getLong(i))) return false;
        return true;
    }

    @Override
    public boolean equals(Object o) {
        if (o == this) return true;
        if (o instanceof LongArrayList other) return equals(other);
        return super.equals(o);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }

    @Override
    public int compareTo(LongArrayList other) {
        int n = Math.min(size, other.size());
        for (int i = 0; i < n; i++) {
            int c = Long.compare(getLong(i), other.getLong(i));
            if (c != 0) return c;
        }
        return Long.compare(size, other.size());
    }

    @Override
    public int compareTo(java.util.List<? extends Long> other) {
        if (other instanceof LongArrayList list) return compareTo(list);
        return super.compareTo(other);
    }

    @Override
    public LongList subList(int from, int to) {
        inflate();
        return super.subList(from, to);
    }

    // changing: inflate first

    @Override
    public long[] elements() {
        inflate();
        return super.elements();
    }

    @Override
    public void ensureCapacity(int capacity) {
        inflate();
        super.ensureCapacity(capacity);
    }

    @Override
    public void add(int index, long k) {
        inflate();
        super.add(index, k);
    }

    @Override
    public boolean add(long k) {
        inflate();
        return super.add(k);
    }

    @Override
    public long removeLong(int index) {
        inflate();
        return super.removeLong(index);
    }

    @Override
    public boolean rem(long k) {
        inflate();
        return super.rem(k);
    }

    @Override
    public long set(int index, long k) {
        inflate();
        return super.set(index, k);
    }

    @Override
    public void clear() {
        inflate();
        super.clear();
    }

    @Override
    public void size(int newSize) {
        inflate();
        super.size(newSize);
    }

    @Override
    public void trim() {
        inflate();
        super.trim();
    }

    @Override
    public void trim(int n) {
        inflate();
        super.trim(n);
    }

    @Override
    public void removeElements(int from, int to) {
        inflate();
        super.removeElements(from, to);
    }

    @Override
    public void addElements(int index, long[] values, int offset, int length) {
        inflate();
        super.addElements(index, values, offset, length);
    }

    @Override
    public void setElements(int index, long[] values, int offset, int length) {
        inflate();
        super.setElements(index, values, offset, length);
    }

    @Override
    public boolean addAll(int index, LongCollection c) {
        inflate();
        return super.addAll(index, c);
    }

    @Override
    public boolean addAll(int index, LongList l) {
        inflate();
        return super.addAll(index, l);
    }

    @Override
    public boolean removeAll(LongCollection c) {
        inflate();
        return super.removeAll(c);
    }

    @Override
    public boolean removeIf(LongPredicate filter) {
        inflate();
        return super.removeIf(filter);
    }

    @Override
    public void sort(LongComparator comparator) {
        inflate();
        super.sort(comparator);
    }

    @Override
    public void unstableSort(LongComparator comparator) {
        inflate();
        super.unstableSort(comparator);
    }

    /** A read-only cursor over the compact values (the list changing under it is not supported). */
    private final class Reader implements LongListIterator {
        private int next;

        Reader(int next) {
            this.next = next;
        }

        @Override public boolean hasNext() { return next < size; }
        @Override public boolean hasPrevious() { return next > 0; }
        @Override public int nextIndex() { return next; }
        @Override public int previousIndex() { return next - 1; }

        @Override
        public long nextLong() {
            if (!hasNext()) throw new NoSuchElementException();
            return getLong(next++);
        }

        @Override
        public long previousLong() {
            if (!hasPrevious()) throw new NoSuchElementException();
            return getLong(--next);
        }
    }
}
