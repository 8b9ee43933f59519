package dev.gcscope.parsers.table;

import java.util.Arrays;

/**
 * A growable column of whole numbers, kept in blocks of {@value #BLOCK} rows, each block as its
 * smallest value (or a line through it) plus a few bits per row: a cycle's {@code gc} and {@code line}
 * numbers rise by one a row and take no bits at all, a pause in microseconds 12 to 16, a heap size in
 * MB a few, a column with nothing in it nothing. Reading a row is two array reads and shifts, in any
 * order and without a branch on the block's kind, so the Tablesaw columns over it ({@link CompactIntList}, {@link CompactDoubleList},
 * {@link CompactLongList}) are read as fast as plain arrays are, near enough.
 *
 * <p>Written by hand because fastutil and Tablesaw only have fixed-width lists and the compressed
 * formats of column stores (Parquet, Arrow) decode a page at a time, not a row; this is what lets
 * the cycles table fit 15 M cycles in a 1 GB heap (issue 14).
 *
 * <p>Rows are written in order, as a parser fills a table: the rows of the block being filled are
 * kept as they are and encoded once the next block starts (or at {@link #trim}). Rows not written
 * read as zero. Writing a row of a block already encoded works but encodes that block again (rare).
 * {@link #MISSING} is kept as missing; no stored value may take it.
 *
 * <p>{@link #view} hands out the rows written so far without copying the encoded blocks: a block is
 * never changed once a view can see it (a block written again is encoded into new room, under a new
 * index), so a view stays valid on any thread while writing goes on (a followed trace's snapshots
 * rely on that).
 */
public final class PackedLongs {
    /** The missing value. */
    public static final long MISSING = Long.MIN_VALUE;

    static final int BLOCK_SHIFT = 7;
    /** Rows per block: large enough that a block's index costs 0.13 bytes a row, small enough that its values are close. */
    static final int BLOCK = 1 << BLOCK_SHIFT;
    private static final int IN_BLOCK = BLOCK - 1;
    /** Rows the compact lists decode at a time into a scratch array, for passes over many rows. */
    static final int READ_ROWS = 8 * BLOCK;
    /**
     * Each thread's scratch array of {@link #READ_ROWS} rows: one a call was 8 KB of garbage per few
     * thousand rows read, and 30 MB more peak RSS in a 1 M-cycle summary.
     */
    private static final ThreadLocal<long[]> READ_SCRATCH = ThreadLocal.withInitial(() -> new long[READ_ROWS]);

    /** This thread's scratch array for a bulk read ({@link #READ_ROWS} rows); no read may nest in another. */
    static long[] readScratch() {
        return READ_SCRATCH.get();
    }
    /**
     * A row is read from the word its first bit is in and the next, and a block of no bits reads the
     * word at its start: the data ends with two words of room, so every read is inside it.
     */
    private static final int PAD_WORDS = 2;
    private static final int WHOLE = 64;
    /** The low {@code bits} bits, for bits 0 to 64. */
    private static final long[] MASKS = new long[WHOLE + 1];

    static {
        for (int b = 0; b < WHOLE; b++) MASKS[b] = (1L << b) - 1;
        MASKS[WHOLE] = -1L;
    }
    private static final long MAX_SLOPE = (1 << 23) - 1;
    /** Values farther from zero than this are not fitted with a slope (its products could overflow). */
    private static final long SLOPE_SAFE = 1L << 40;

    /*
     * Block b: rows b*BLOCK .. b*BLOCK+BLOCK-1, value(k) = base + slope * k + code(k), where code(k) is
     * the k-th field of `bits` bits from byte `offset` of the data on (the data: little-endian bits in
     * longs); with the missing flag, the all-ones code is missing (and bits 0 means every row is missing).
     * bits 64: code(k) is the value itself (base and slope 0, no missing flag).
     * index[2b] = offset << 32 | slope (24 bits, signed) << 8 | missing << 7 | bits; index[2b + 1] = base
     * (side by side: one cache line serves a row's read).
     */
    private long[] index;
    private long[] data;
    /** Bytes of the data in use; each block starts at a whole byte. */
    private int dataSize;
    /** Blocks encoded. */
    private int sealed;
    /** The last encoded block holds fewer than BLOCK rows (after {@link #trim}); writing to it encodes it again. */
    private boolean lastSealedPartial;
    /** The rows of block {@link #sealed}, as written. */
    private final long[] pending = new long[BLOCK];
    /** Rows below this may have been written. */
    private int written;
    private int capacity;

    /** Room for {@code capacity} values, all zero. */
    public PackedLongs(int capacity) {
        this.capacity = capacity;
        index = new long[2 * blocksFor(capacity)];
        data = new long[PAD_WORDS + 8];
    }

    private static int blocks(long[] index) {
        return index.length >>> 1;
    }

    private static int blocksFor(int rows) {
        return (int) (((long) rows + IN_BLOCK) >>> BLOCK_SHIFT);
    }

    public int capacity() {
        return capacity;
    }

    public void set(int row, long value) {
        int block = row >>> BLOCK_SHIFT;
        if (block != sealed || lastSealedPartial) {
            setOutside(row, value);
            return;
        }
        int k = row & IN_BLOCK;
        if (row > written) Arrays.fill(pending, Math.max(0, written - (block << BLOCK_SHIFT)), k, 0L);
        pending[k] = value;
        if (row >= written) written = row + 1;
    }

    /** A write to a block other than the one being filled. */
    private void setOutside(int row, long value) {
        if (row >= capacity) capacity = row + 1;
        int block = row >>> BLOCK_SHIFT;
        if (lastSealedPartial) {
            reopenLast();
            set(row, value);
            return;
        }
        if (block < sealed) {
            rewrite(block, row & IN_BLOCK, value);
            return;
        }
        while (sealed < block) {
            zeroUnwrittenPending();
            seal(BLOCK);
        }
        written = Math.max(written, block << BLOCK_SHIFT);
        set(row, value);
    }

    /** Rows of the block being filled that were never written read as zero. */
    private void zeroUnwrittenPending() {
        int start = sealed << BLOCK_SHIFT;
        int from = Math.max(0, Math.min(BLOCK, written - start));
        Arrays.fill(pending, from, BLOCK, 0L);
        written = Math.max(written, start + BLOCK);
    }

    public long get(int row) {
        if (row < 0 || row >= Math.max(written, capacity)) throw new IndexOutOfBoundsException("row " + row + " of " + capacity);
        int block = row >>> BLOCK_SHIFT;
        if (block < sealed) return decode(index, data, row);
        return row < written ? pending[row & IN_BLOCK] : 0L;
    }

    /** Room for at least {@code capacity} values. */
    public void ensureCapacity(int capacity) {
        if (capacity <= this.capacity) return;
        this.capacity = capacity;
        int length = 2 * blocksFor(capacity);
        if (length > index.length) index = Arrays.copyOf(index, length);
    }

    /**
     * Encodes the block being filled, as the first {@code size} rows end in it, and drops the room
     * after them: no row comes after this, though one may (the last block is then encoded again).
     */
    public void trim(int size) {
        written = Math.min(written, size);
        capacity = size;
        if (blocksFor(size) < sealed) { // rows dropped from encoded blocks: the last one left is partial
            sealed = blocksFor(size);
            lastSealedPartial = (size & IN_BLOCK) != 0;
        }
        int start = sealed << BLOCK_SHIFT;
        if (!lastSealedPartial && size > start) {
            zeroUnwrittenPending();
            written = size;
            seal(size - start);
            lastSealedPartial = size - start < BLOCK;
        }
        int length = 2 * blocksFor(size);
        if (length < index.length) index = Arrays.copyOf(index, length);
        int words = wordsFor(dataSize) + PAD_WORDS;
        if (words < data.length) data = Arrays.copyOf(data, words);
    }

    /** The first {@code size} values as they are now. */
    public View view(int size) {
        int full = Math.min(sealed, size >>> BLOCK_SHIFT);
        int tailStart = full << BLOCK_SHIFT;
        if (tailStart == size) return new View(index, data, size, null, size);
        if (full < sealed) return new View(index, data, size, null, size); // a trimmed, partial last block
        long[] tail = new long[size - tailStart];
        int pendingRows = Math.max(0, Math.min(tail.length, written - tailStart));
        System.arraycopy(pending, 0, tail, 0, pendingRows);
        return new View(index, data, size, tail, tailStart);
    }

    /** {@code size} missing values: an index of 16 bytes per {@value #BLOCK} rows and no data. */
    public static View allMissing(int size) {
        long[] index = new long[2 * blocksFor(size)];
        for (int i = 0; i < index.length; i += 2) index[i] = 0x80; // bits 0, missing: every row missing
        return new View(index, new long[PAD_WORDS], size, null, size);
    }

    /** Encodes the first {@code rows} rows of the block being filled as block {@link #sealed}. */
    private void seal(int rows) {
        int block = sealed;
        if (2 * block >= index.length) index = Arrays.copyOf(index, Math.max(2 * block + 2, 2 * (blocks(index) + (blocks(index) >> 1) + 1)));
        encode(pending, rows, block);
        sealed++;
    }

    /** Encodes {@code values[0, rows)} into new room of the data, as block {@code block}. */
    private void encode(long[] values, int rows, int block) {
        // Rising (or falling) values, as gc and line numbers and times are, are fitted with the line
        // through the first and the last: their residuals from it span fewer bits than the values.
        long v0 = values[0], vn = values[rows - 1];
        long slope = 0;
        if (rows > 1 && v0 != MISSING && vn != MISSING && Math.abs(v0) < SLOPE_SAFE && Math.abs(vn) < SLOPE_SAFE) {
            slope = Math.round((double) (vn - v0) / (rows - 1));
            if (Math.abs(slope) > MAX_SLOPE) slope = 0;
        }
        long min = Long.MAX_VALUE, max = Long.MIN_VALUE, rMin = Long.MAX_VALUE, rMax = Long.MIN_VALUE;
        boolean missing = false;
        if (slope == 0) { // the range alone (a loop of its own: this is most blocks of most columns)
            for (int k = 0; k < rows; k++) {
                long v = values[k];
                if (v == MISSING) {
                    missing = true;
                    continue;
                }
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        } else {
            for (int k = 0; k < rows; k++) {
                long v = values[k];
                if (v == MISSING) {
                    missing = true;
                    continue;
                }
                min = Math.min(min, v);
                max = Math.max(max, v);
                long r = v - slope * k; // checked below: used only when every value is far from overflow
                rMin = Math.min(rMin, r);
                rMax = Math.max(rMax, r);
            }
        }
        if (min > max) { // nothing but missing values
            index[2 * block] = (long) dataSize << 32 | 0x80;
            index[2 * block + 1] = 0;
            return;
        }
        long base = min;
        long range = max - min; // negative when the true range is 2^63 or more
        if (slope != 0 && min > -SLOPE_SAFE && max < SLOPE_SAFE && rMax - rMin < range) {
            base = rMin;
            range = rMax - rMin;
        } else {
            slope = 0;
        }
        long codes = missing ? range + 1 : range; // the largest code, missing included
        int bits = range < 0 || codes < 0 ? WHOLE : 64 - Long.numberOfLeadingZeros(codes);
        if (bits == WHOLE) {
            base = 0;
            slope = 0;
            missing = false; // MISSING is kept as itself
        }
        int offset = dataSize;
        int bytes = (int) (((long) rows * bits + 7) >>> 3);
        int words = wordsFor(offset + bytes) + PAD_WORDS;
        if (words > data.length) data = Arrays.copyOf(data, Math.max(words, data.length + (data.length >> 1)));
        if (bits > 0) {
            long missingCode = MASKS[bits];
            long[] d = data;
            // Codes are gathered in a word and stored a word at a time. The first word may hold the end
            // of the block before (its low bits); everything after dataSize is zero.
            int w = offset >>> 3;
            int used = (offset & 7) << 3;
            long word = d[w];
            for (int k = 0; k < rows; k++) {
                long v = values[k];
                long code = v == MISSING && missing ? missingCode : v - slope * k - base;
                word |= code << used;
                used += bits;
                if (used >= 64) {
                    d[w++] = word;
                    used -= 64;
                    word = code >>> 1 >>> (bits - 1 - used); // the code's bits that did not fit (none when used is 0)
                }
            }
            if (used > 0) d[w] = word;
        }
        dataSize = offset + bytes;
        index[2 * block] = (long) offset << 32 | (slope & 0xFF_FFFFL) << 8 | (missing ? 0x80 : 0) | bits;
        index[2 * block + 1] = base;
    }

    private static int wordsFor(int bytes) {
        return (bytes + 7) >>> 3;
    }

    /** Writes a row of an encoded block: the block is decoded, changed and encoded into new room. */
    private void rewrite(int block, int k, long value) {
        long[] values = new long[BLOCK];
        int rows = Math.min(BLOCK, written - (block << BLOCK_SHIFT));
        for (int i = 0; i < rows; i++) values[i] = decode(index, data, (block << BLOCK_SHIFT) + i);
        values[k] = value;
        // Views share the index: a new block index is written into a copy.
        index = index.clone();
        encode(values, rows, block);
    }

    /** Makes the partial last block (encoded by {@link #trim}) the block being filled again. */
    private void reopenLast() {
        int block = sealed - 1;
        int start = block << BLOCK_SHIFT;
        for (int i = 0; i < written - start; i++) pending[i] = decode(index, data, start + i);
        index = index.clone();
        sealed = block;
        lastSealedPartial = false;
    }

    static long decode(long[] index, long[] data, int row) {
        int at = (row >>> BLOCK_SHIFT) << 1;
        long meta = index[at];
        int bits = (int) meta & 0x7F;
        int k = row & IN_BLOCK;
        long bit = ((meta >>> 32) << 3) + (long) k * bits;
        int w = (int) (bit >>> 6);
        int shift = (int) bit & 63;
        long mask = MASKS[bits];
        // Bits 0 reads the word the block would start at (there is one) and masks all of it away.
        long code = (data[w] >>> shift | data[w + 1] << 1 << (63 - shift)) & mask;
        if (code == mask && (meta & 0x80) != 0) return MISSING;
        long slope = (int) (meta >>> 8) << 8 >> 8;
        return index[at + 1] + slope * k + code;
    }

    /**
     * Rows {@code [from, to)}, all in block {@code from >>> BLOCK_SHIFT}, into {@code out} from {@code at}:
     * {@link #decode} with the block's layout read once, for readers of many rows in a row (a derived
     * column's pass, the regimes' features) that would otherwise pay for a call chain per cell.
     */
    private static void decodeInBlock(long[] index, long[] data, int from, int to, long[] out, int at) {
        int blockAt = (from >>> BLOCK_SHIFT) << 1;
        long meta = index[blockAt];
        long base = index[blockAt + 1];
        int bits = (int) meta & 0x7F;
        long slope = (int) (meta >>> 8) << 8 >> 8;
        boolean missing = (meta & 0x80) != 0;
        long mask = MASKS[bits];
        int k = from & IN_BLOCK;
        long bit = ((meta >>> 32) << 3) + (long) k * bits;
        for (int row = from; row < to; row++, k++, bit += bits) {
            int w = (int) (bit >>> 6);
            int shift = (int) bit & 63;
            long code = (data[w] >>> shift | data[w + 1] << 1 << (63 - shift)) & mask;
            out[at++] = code == mask && missing ? MISSING : base + slope * k + code;
        }
    }

    /**
     * A fixed number of values: the blocks encoded when it was taken (never changed after) and a copy
     * of the rows of the block being filled then.
     */
    public static final class View {
        private final long[] index;
        private final long[] data;
        private final int size;
        /** Rows from {@link #tailStart} on, or null when every row is in an encoded block. */
        private final long[] tail;
        private final int tailStart;

        View(long[] index, long[] data, int size, long[] tail, int tailStart) {
            this.index = index;
            this.data = data;
            this.size = size;
            this.tail = tail;
            this.tailStart = tailStart;
        }

        public int size() {
            return size;
        }

        public long get(int row) {
            // One test for the rows of encoded blocks, the most read (0 <= row < tailStart).
            if (Integer.compareUnsigned(row, tailStart) < 0) return decode(index, data, row);
            if (row >= size || row < 0) throw new IndexOutOfBoundsException("row " + row + " of " + size);
            return tail[row - tailStart];
        }

        /** Rows {@code [from, to)} into {@code out[at, at + to - from)}: what {@link #get} reads, a block at a time. */
        public void get(int from, int to, long[] out, int at) {
            if (from < 0 || from > to || to > size) throw new IndexOutOfBoundsException("rows " + from + " to " + to + " of " + size);
            int encodedTo = Math.min(to, tailStart);
            int row = from;
            while (row < encodedTo) {
                int blockEnd = Math.min(encodedTo, ((row >>> BLOCK_SHIFT) + 1) << BLOCK_SHIFT);
                decodeInBlock(index, data, row, blockEnd, out, at + row - from);
                row = blockEnd;
            }
            if (row < to) System.arraycopy(tail, row - tailStart, out, at + row - from, to - row);
        }
    }
}
