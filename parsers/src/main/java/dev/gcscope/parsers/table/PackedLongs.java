package dev.gcscope.parsers.table;

import java.util.Arrays;

/**
 * A growable column of whole numbers kept in the narrowest of 1, 2, 4 or 8 bytes that holds every
 * value written so far: a run number or a GC CPU share takes one byte per cycle, a heap size in MB
 * two, a pause in microseconds four. Writing a value that does not fit widens the whole buffer once
 * (a copy), so the width only ever grows. {@link #MISSING} is kept as the width's smallest value,
 * which no stored value may take.
 *
 * <p>Written by hand because fastutil and Tablesaw only have fixed-width lists; this is what lets
 * the cycles table fit 15 M cycles in a 1 GB heap (issue 14).
 *
 * <p>{@link #view} hands out the rows written so far without copying; rows are only ever added
 * after a view's size and a widening replaces the buffer, so a view stays valid on any thread while
 * writing goes on (a followed trace's snapshots rely on that).
 */
public final class PackedLongs {
    /** The missing value. */
    public static final long MISSING = Long.MIN_VALUE;

    private Object buffer;
    private int width = 1;
    /** Rows below this may have been written; a widening copies only those (the rest are zero either way). */
    private int written;

    /** Room for {@code capacity} values, all zero. */
    public PackedLongs(int capacity) {
        buffer = new byte[capacity];
    }

    /** Bytes per value now: 1, 2, 4 or 8. */
    public int width() {
        return width;
    }

    public int capacity() {
        return switch (width) {
            case 1 -> ((byte[]) buffer).length;
            case 2 -> ((short[]) buffer).length;
            case 4 -> ((int[]) buffer).length;
            default -> ((long[]) buffer).length;
        };
    }

    public void set(int row, long value) {
        if (row >= written) written = row + 1;
        Object b = buffer;
        switch (width) {
            case 1 -> {
                if (value == MISSING) { ((byte[]) b)[row] = Byte.MIN_VALUE; return; }
                if (value > Byte.MIN_VALUE && value <= Byte.MAX_VALUE) { ((byte[]) b)[row] = (byte) value; return; }
            }
            case 2 -> {
                if (value == MISSING) { ((short[]) b)[row] = Short.MIN_VALUE; return; }
                if (value > Short.MIN_VALUE && value <= Short.MAX_VALUE) { ((short[]) b)[row] = (short) value; return; }
            }
            case 4 -> {
                if (value == MISSING) { ((int[]) b)[row] = Integer.MIN_VALUE; return; }
                if (value > Integer.MIN_VALUE && value <= Integer.MAX_VALUE) { ((int[]) b)[row] = (int) value; return; }
            }
            default -> {
                ((long[]) b)[row] = value;
                return;
            }
        }
        widenFor(value);
        set(row, value);
    }

    public long get(int row) {
        return get(buffer, width, row);
    }

    /** Room for at least {@code capacity} values. */
    public void ensureCapacity(int capacity) {
        if (capacity <= capacity()) return;
        buffer = switch (width) {
            case 1 -> Arrays.copyOf((byte[]) buffer, capacity);
            case 2 -> Arrays.copyOf((short[]) buffer, capacity);
            case 4 -> Arrays.copyOf((int[]) buffer, capacity);
            default -> Arrays.copyOf((long[]) buffer, capacity);
        };
    }

    /** Drops the room after the first {@code size} values (a copy, when there is any). */
    public void trim(int size) {
        if (size >= capacity()) return;
        written = Math.min(written, size);
        buffer = switch (width) {
            case 1 -> Arrays.copyOf((byte[]) buffer, size);
            case 2 -> Arrays.copyOf((short[]) buffer, size);
            case 4 -> Arrays.copyOf((int[]) buffer, size);
            default -> Arrays.copyOf((long[]) buffer, size);
        };
    }

    /** The first {@code size} values as they are now. */
    public View view(int size) {
        return new View(buffer, width, size);
    }

    private void widenFor(long value) {
        int to = value >= Short.MIN_VALUE + 1 && value <= Short.MAX_VALUE ? 2
                : value >= Integer.MIN_VALUE + 1L && value <= Integer.MAX_VALUE ? 4 : 8;
        to = Math.max(to, width * 2);
        int n = capacity();
        // One plain loop per target width: a generic get/put per value made the widenings of the
        // cycles table cost more than the parse (profiled on 1 M cycles).
        long[] values = new long[written];
        for (int i = 0; i < written; i++) values[i] = get(buffer, width, i);
        switch (to) {
            case 2 -> {
                short[] w = new short[n];
                for (int i = 0; i < values.length; i++) w[i] = values[i] == MISSING ? Short.MIN_VALUE : (short) values[i];
                buffer = w;
            }
            case 4 -> {
                int[] w = new int[n];
                for (int i = 0; i < values.length; i++) w[i] = values[i] == MISSING ? Integer.MIN_VALUE : (int) values[i];
                buffer = w;
            }
            default -> {
                long[] w = new long[n];
                System.arraycopy(values, 0, w, 0, values.length);
                buffer = w;
            }
        }
        width = to;
    }

    static long get(Object buffer, int width, int row) {
        switch (width) {
            case 1 -> {
                byte v = ((byte[]) buffer)[row];
                return v == Byte.MIN_VALUE ? MISSING : v;
            }
            case 2 -> {
                short v = ((short[]) buffer)[row];
                return v == Short.MIN_VALUE ? MISSING : v;
            }
            case 4 -> {
                int v = ((int[]) buffer)[row];
                return v == Integer.MIN_VALUE ? MISSING : v;
            }
            default -> {
                return ((long[]) buffer)[row];
            }
        }
    }

    /** A fixed number of values over a buffer that is not written below that size any more. */
    public static final class View {
        private final Object buffer;
        private final int width;
        private final int size;

        View(Object buffer, int width, int size) {
            this.buffer = buffer;
            this.width = width;
            this.size = size;
        }

        public int size() {
            return size;
        }

        /** Bytes per value. */
        public int width() {
            return width;
        }

        public long get(int row) {
            if (row >= size) throw new IndexOutOfBoundsException("row " + row + " of " + size);
            return PackedLongs.get(buffer, width, row);
        }
    }
}
