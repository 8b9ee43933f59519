package dev.gcscope.parsers.table;

import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import it.unimi.dsi.fastutil.doubles.DoubleCollection;
import it.unimi.dsi.fastutil.doubles.DoubleComparator;
import it.unimi.dsi.fastutil.doubles.DoubleList;
import it.unimi.dsi.fastutil.doubles.DoubleListIterator;
import it.unimi.dsi.fastutil.doubles.DoubleSpliterator;
import it.unimi.dsi.fastutil.doubles.DoubleSpliterators;
import java.util.NoSuchElementException;
import java.util.function.DoubleConsumer;
import java.util.function.DoublePredicate;
import java.util.function.IntToDoubleFunction;

/**
 * The list behind a Tablesaw {@code DoubleColumn} whose values are not stored as doubles: either
 * whole numbers of a fixed fraction ({@code n / scale}) kept as {@link PackedLongs} (gctrace prints
 * every time in whole microseconds or milliseconds, so {@code stw_ms} takes about two bytes per cycle
 * instead of eight, and a value reads back with exactly the bits {@code micros / 1000.0} gave the
 * parser), or values computed on each read from other columns' rows (a ratio such as
 * {@code survival}, which would take eight bytes a cycle stored and is cheap to compute again).
 *
 * <p>Reading never allocates a {@code double[]}. Anything that changes the list first turns it into
 * an ordinary {@link DoubleArrayList} (the values decoded once), then does what the superclass does.
 * Every public method of {@link DoubleArrayList} is overridden here (CompactListsTest checks it), and
 * the superclass's array is null while compact, so a method missed by a future fastutil fails loudly
 * instead of reading an empty array.
 *
 * <p>CompactIntList, CompactLongList and CompactDoubleList are the same class for three primitive
 * types, as fastutil's own lists are (it generates them from one template): each must extend its
 * type's own fastutil list for Tablesaw to take it, so no common superclass can hold the code.
 */
public final class CompactDoubleList extends DoubleArrayList {
    private PackedLongs.View view;
    private final double scale;
    /**
     * Row i's value, when computed on read. A field of its own rather than the packed case made a
     * function too: the packed columns' reads then stay one call site with one receiver type, which
     * the JIT inlines.
     */
    private IntToDoubleFunction computed;

    public CompactDoubleList(PackedLongs.View view, double scale) {
        super(0);
        this.view = view;
        this.scale = scale;
        this.a = null;
        this.size = view.size();
    }

    /**
     * {@code size} values, row i's computed by {@code values} on each read. {@code values} must give
     * the same value for a row every time (it reads data that does not change).
     */
    public CompactDoubleList(int size, IntToDoubleFunction values) {
        super(0);
        this.computed = values;
        this.scale = 1;
        this.a = null;
        this.size = size;
    }

    private boolean plain() {
        return view == null && computed == null;
    }

    private double decode(int i) {
        if (computed != null) return computed.applyAsDouble(i);
        long n = view.get(i);
        return n == PackedLongs.MISSING ? Double.NaN : n / scale;
    }

    /**
     * Rows {@code [from, from + length)} into {@code target} from {@code offset}; packed rows are read
     * from the view a few blocks at a time, as {@link CompactIntList} reads them.
     */
    private void decode(int from, double[] target, int offset, int length) {
        if (computed != null) {
            for (int i = 0; i < length; i++) target[offset + i] = computed.applyAsDouble(from + i);
            return;
        }
        long[] chunk = PackedLongs.readScratch();
        double s = scale;
        for (int done = 0; done < length; done += chunk.length) {
            int n = Math.min(chunk.length, length - done);
            view.get(from + done, from + done + n, chunk, 0);
            for (int i = 0, o = offset + done; i < n; i++, o++) {
                long v = chunk[i];
                target[o] = v == PackedLongs.MISSING ? Double.NaN : v / s;
            }
        }
    }

    /** Row i as it is now, for good; null once changed. */
    IntToDoubleFunction unchanging() {
        if (computed != null) return computed;
        PackedLongs.View v = view;
        if (v == null) return null;
        double s = scale;
        return i -> {
            long n = v.get(i);
            return n == PackedLongs.MISSING ? Double.NaN : n / s;
        };
    }

    /** Becomes an ordinary list, for a change. */
    private void inflate() {
        if (plain()) return;
        double[] values = new double[Math.max(size, 1)];
        decode(0, values, 0, size);
        a = values;
        view = null;
        computed = null;
    }

    private static boolean same(double x, double y) {
        return Double.doubleToLongBits(x) == Double.doubleToLongBits(y);
    }

    // reading, compact

    @Override
    public double getDouble(int index) {
        if (plain()) return super.getDouble(index);
        if (index >= size) throw new IndexOutOfBoundsException("Index (" + index + ") is greater than or equal to list size (" + size + ")");
        return decode(index);
    }

    @Override
    public int indexOf(double k) {
        if (plain()) return super.indexOf(k);
        for (int i = 0; i < size; i++) if (same(k, decode(i))) return i;
        return -1;
    }

    @Override
    public int lastIndexOf(double k) {
        if (plain()) return super.lastIndexOf(k);
        for (int i = size; i-- != 0;) if (same(k, decode(i))) return i;
        return -1;
    }

    @Override
    public double[] toDoubleArray() {
        if (plain()) return super.toDoubleArray();
        double[] out = new double[size];
        decode(0, out, 0, size);
        return out;
    }

    @Override
    public double[] toArray(double[] target) {
        if (plain()) return super.toArray(target);
        if (target == null || target.length < size) target = new double[size];
        decode(0, target, 0, size);
        return target;
    }

    @Override
    public void getElements(int from, double[] target, int offset, int length) {
        if (plain()) { super.getElements(from, target, offset, length); return; }
        if (from < 0 || length < 0 || from + length > size) throw new IndexOutOfBoundsException();
        decode(from, target, offset, length);
    }

    @Override
    public void forEach(DoubleConsumer action) {
        if (plain()) { super.forEach(action); return; }
        for (int i = 0; i < size; i++) action.accept(decode(i));
    }

    @Override
    public DoubleListIterator listIterator(int index) {
        if (plain()) return super.listIterator(index);
        if (index < 0 || index > size) throw new IndexOutOfBoundsException("Index: " + index);
        return new Reader(index);
    }

    @Override
    public DoubleSpliterator spliterator() {
        if (plain()) return super.spliterator();
        return DoubleSpliterators.wrap(toDoubleArray());
    }

    @Override
    public DoubleArrayList clone() {
        if (plain()) return super.clone();
        return DoubleArrayList.wrap(toDoubleArray());
    }

    @Override
    public boolean equals(DoubleArrayList other) {
        if (other == this) return true;
        if (other == null || other.size() != size) return false;
        for (int i = 0; i < size; i++) if (!same(getDouble(i), other.getDouble(i))) return false;
        return true;
    }

    @Override
    public boolean equals(Object o) {
        if (o == this) return true;
        if (o instanceof DoubleArrayList other) return equals(other);
        return super.equals(o);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }

    @Override
    public int compareTo(DoubleArrayList other) {
        int n = Math.min(size, other.size());
        for (int i = 0; i < n; i++) {
            int c = Double.compare(getDouble(i), other.getDouble(i));
            if (c != 0) return c;
        }
        return Integer.compare(size, other.size());
    }

    @Override
    public int compareTo(java.util.List<? extends Double> other) {
        if (other instanceof DoubleArrayList list) return compareTo(list);
        return super.compareTo(other);
    }

    @Override
    public DoubleList subList(int from, int to) {
        inflate();
        return super.subList(from, to);
    }

    // changing: inflate first

    @Override
    public double[] elements() {
        inflate();
        return super.elements();
    }

    @Override
    public void ensureCapacity(int capacity) {
        inflate();
        super.ensureCapacity(capacity);
    }

    @Override
    public void add(int index, double k) {
        inflate();
        super.add(index, k);
    }

    @Override
    public boolean add(double k) {
        inflate();
        return super.add(k);
    }

    @Override
    public double removeDouble(int index) {
        inflate();
        return super.removeDouble(index);
    }

    @Override
    public boolean rem(double k) {
        inflate();
        return super.rem(k);
    }

    @Override
    public double set(int index, double k) {
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
    public void addElements(int index, double[] values, int offset, int length) {
        inflate();
        super.addElements(index, values, offset, length);
    }

    @Override
    public void setElements(int index, double[] values, int offset, int length) {
        inflate();
        super.setElements(index, values, offset, length);
    }

    @Override
    public boolean addAll(int index, DoubleCollection c) {
        inflate();
        return super.addAll(index, c);
    }

    @Override
    public boolean addAll(int index, DoubleList l) {
        inflate();
        return super.addAll(index, l);
    }

    @Override
    public boolean removeAll(DoubleCollection c) {
        inflate();
        return super.removeAll(c);
    }

    @Override
    public boolean removeIf(DoublePredicate filter) {
        inflate();
        return super.removeIf(filter);
    }

    @Override
    public void sort(DoubleComparator comparator) {
        inflate();
        super.sort(comparator);
    }

    @Override
    public void unstableSort(DoubleComparator comparator) {
        inflate();
        super.unstableSort(comparator);
    }

    /** A read-only cursor over the compact values (the list changing under it is not supported). */
    private final class Reader implements DoubleListIterator {
        private int next;

        Reader(int next) {
            this.next = next;
        }

        @Override public boolean hasNext() { return next < size; }
        @Override public boolean hasPrevious() { return next > 0; }
        @Override public int nextIndex() { return next; }
        @Override public int previousIndex() { return next - 1; }

        @Override
        public double nextDouble() {
            if (!hasNext()) throw new NoSuchElementException();
            return getDouble(next++);
        }

        @Override
        public double previousDouble() {
            if (!hasPrevious()) throw new NoSuchElementException();
            return getDouble(--next);
        }
    }
}
