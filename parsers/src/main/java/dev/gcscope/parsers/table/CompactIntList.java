package dev.gcscope.parsers.table;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntCollection;
import it.unimi.dsi.fastutil.ints.IntComparator;
import it.unimi.dsi.fastutil.ints.IntList;
import it.unimi.dsi.fastutil.ints.IntListIterator;
import it.unimi.dsi.fastutil.ints.IntSpliterator;
import it.unimi.dsi.fastutil.ints.IntSpliterators;
import java.util.NoSuchElementException;
import java.util.function.IntConsumer;
import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;

/**
 * The list behind a Tablesaw {@code IntColumn} kept as {@link PackedLongs}: a run number takes no
 * bits per cycle, a gc number none (it rises by one), a heap size in MB a few ({@code Integer.MIN_VALUE},
 * Tablesaw's missing value, is kept as missing).
 *
 * <p>Reading never allocates a {@code int[]}. Anything that changes the list first turns it into
 * an ordinary {@link IntArrayList} (the values decoded once), then does what the superclass does.
 * Every public method of {@link IntArrayList} is overridden here (CompactListsTest checks it), and
 * the superclass's array is null while compact, so a method missed by a future fastutil fails loudly
 * instead of reading an empty array.
 *
 * <p>CompactIntList, CompactLongList and CompactDoubleList are the same class for three primitive
 * types, as fastutil's own lists are (it generates them from one template): each must extend its
 * type's own fastutil list for Tablesaw to take it, so no common superclass can hold the code.
 */
public final class CompactIntList extends IntArrayList {
    private PackedLongs.View view;

    public CompactIntList(PackedLongs.View view) {
        super(0);
        this.view = view;
        this.a = null;
        this.size = view.size();
    }

    private int decode(int i) {
        long n = view.get(i);
        return n == PackedLongs.MISSING ? Integer.MIN_VALUE : (int) n;
    }

    /**
     * Rows {@code [from, from + length)} into {@code target} from {@code offset}, read from the view a
     * few blocks at a time: a pass over a column (getElements, toIntArray) then costs a tight loop per
     * block rather than a call chain per row, most of a derived column's time in a fresh process.
     */
    private void decode(int from, int[] target, int offset, int length) {
        long[] chunk = PackedLongs.readScratch();
        for (int done = 0; done < length; done += chunk.length) {
            int n = Math.min(chunk.length, length - done);
            view.get(from + done, from + done + n, chunk, 0);
            for (int i = 0, o = offset + done; i < n; i++, o++) {
                long v = chunk[i];
                target[o] = v == PackedLongs.MISSING ? Integer.MIN_VALUE : (int) v;
            }
        }
    }

    /** Row i as it is now, for good; null once changed. */
    IntUnaryOperator unchanging() {
        PackedLongs.View v = view;
        if (v == null) return null;
        return i -> {
            long n = v.get(i);
            return n == PackedLongs.MISSING ? Integer.MIN_VALUE : (int) n;
        };
    }

    /** Becomes an ordinary list, for a change. */
    private void inflate() {
        if (view == null) return;
        int[] values = new int[Math.max(size, 1)];
        decode(0, values, 0, size);
        a = values;
        view = null;
    }

    private static boolean same(int x, int y) {
        return x == y;
    }

    // reading, compact

    @Override
    public int getInt(int index) {
        if (view == null) return super.getInt(index);
        if (index >= size) throw new IndexOutOfBoundsException("Index (" + index + ") is greater than or equal to list size (" + size + ")");
        return decode(index);
    }

    @Override
    public int indexOf(int k) {
        if (view == null) return super.indexOf(k);
        for (int i = 0; i < size; i++) if (same(k, decode(i))) return i;
        return -1;
    }

    @Override
    public int lastIndexOf(int k) {
        if (view == null) return super.lastIndexOf(k);
        for (int i = size; i-- != 0;) if (same(k, decode(i))) return i;
        return -1;
    }

    @Override
    public int[] toIntArray() {
        if (view == null) return super.toIntArray();
        int[] out = new int[size];
        decode(0, out, 0, size);
        return out;
    }

    @Override
    public int[] toArray(int[] target) {
        if (view == null) return super.toArray(target);
        if (target == null || target.length < size) target = new int[size];
        decode(0, target, 0, size);
        return target;
    }

    @Override
    public void getElements(int from, int[] target, int offset, int length) {
        if (view == null) { super.getElements(from, target, offset, length); return; }
        if (from < 0 || length < 0 || from + length > size) throw new IndexOutOfBoundsException();
        decode(from, target, offset, length);
    }

    @Override
    public void forEach(IntConsumer action) {
        if (view == null) { super.forEach(action); return; }
        for (int i = 0; i < size; i++) action.accept(decode(i));
    }

    @Override
    public IntListIterator listIterator(int index) {
        if (view == null) return super.listIterator(index);
        if (index < 0 || index > size) throw new IndexOutOfBoundsException("Index: " + index);
        return new Reader(index);
    }

    @Override
    public IntSpliterator spliterator() {
        if (view == null) return super.spliterator();
        return IntSpliterators.wrap(toIntArray());
    }

    @Override
    public IntArrayList clone() {
        if (view == null) return super.clone();
        return IntArrayList.wrap(toIntArray());
    }

    @Override
    public boolean equals(IntArrayList other) {
        if (other == this) return true;
        if (other == null || other.size() != size) return false;
        for (int i = 0; i < size; i++) if (!same(getInt(i), other.getInt(i))) return false;
        return true;
    }

    @Override
    public boolean equals(Object o) {
        if (o == this) return true;
        if (o instanceof IntArrayList other) return equals(other);
        return super.equals(o);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }

    @Override
    public int compareTo(IntArrayList other) {
        int n = Math.min(size, other.size());
        for (int i = 0; i < n; i++) {
            int c = Integer.compare(getInt(i), other.getInt(i));
            if (c != 0) return c;
        }
        return Integer.compare(size, other.size());
    }

    @Override
    public int compareTo(java.util.List<? extends Integer> other) {
        if (other instanceof IntArrayList list) return compareTo(list);
        return super.compareTo(other);
    }

    @Override
    public IntList subList(int from, int to) {
        inflate();
        return super.subList(from, to);
    }

    // changing: inflate first

    @Override
    public int[] elements() {
        inflate();
        return super.elements();
    }

    @Override
    public void ensureCapacity(int capacity) {
        inflate();
        super.ensureCapacity(capacity);
    }

    @Override
    public void add(int index, int k) {
        inflate();
        super.add(index, k);
    }

    @Override
    public boolean add(int k) {
        inflate();
        return super.add(k);
    }

    @Override
    public int removeInt(int index) {
        inflate();
        return super.removeInt(index);
    }

    @Override
    public boolean rem(int k) {
        inflate();
        return super.rem(k);
    }

    @Override
    public int set(int index, int k) {
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
    public void addElements(int index, int[] values, int offset, int length) {
        inflate();
        super.addElements(index, values, offset, length);
    }

    @Override
    public void setElements(int index, int[] values, int offset, int length) {
        inflate();
        super.setElements(index, values, offset, length);
    }

    @Override
    public boolean addAll(int index, IntCollection c) {
        inflate();
        return super.addAll(index, c);
    }

    @Override
    public boolean addAll(int index, IntList l) {
        inflate();
        return super.addAll(index, l);
    }

    @Override
    public boolean removeAll(IntCollection c) {
        inflate();
        return super.removeAll(c);
    }

    @Override
    public boolean removeIf(IntPredicate filter) {
        inflate();
        return super.removeIf(filter);
    }

    @Override
    public void sort(IntComparator comparator) {
        inflate();
        super.sort(comparator);
    }

    @Override
    public void unstableSort(IntComparator comparator) {
        inflate();
        super.unstableSort(comparator);
    }

    /** A read-only cursor over the compact values (the list changing under it is not supported). */
    private final class Reader implements IntListIterator {
        private int next;

        Reader(int next) {
            this.next = next;
        }

        @Override public boolean hasNext() { return next < size; }
        @Override public boolean hasPrevious() { return next > 0; }
        @Override public int nextIndex() { return next; }
        @Override public int previousIndex() { return next - 1; }

        @Override
        public int nextInt() {
            if (!hasNext()) throw new NoSuchElementException();
            return getInt(next++);
        }

        @Override
        public int previousInt() {
            if (!hasPrevious()) throw new NoSuchElementException();
            return getInt(--next);
        }
    }
}
