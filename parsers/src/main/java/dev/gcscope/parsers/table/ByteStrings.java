package dev.gcscope.parsers.table;

import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.strings.IntDictionaryMap;
import tech.tablesaw.columns.strings.StringColumnType;

/**
 * Interns byte ranges (task names, a few hundred distinct among a million rows) as small int ids
 * without making a String per row, and turns a column of ids into a Tablesaw string column in one
 * step: the dictionary Tablesaw keeps internally is built directly from the ids, so no value is
 * hashed again (appending a million strings costs two hash lookups each).
 *
 * <p>Bytes are decoded as UTF-8 once per distinct value; invalid sequences become U+FFFD.
 */
public final class ByteStrings {
    /** The id of a missing value in an id column. */
    public static final int MISSING = -1;
    private static final int MAX_VALUE_BYTES = 1 << 16;

    private byte[] pool = new byte[4096];
    private int poolSize;
    private int[] offsets = new int[64];
    private int[] lengths = new int[64];
    private int[] hashes = new int[64];
    private int size;
    private int[] slots = new int[128]; // id + 1, 0 = empty
    private String[] decoded;

    /** The id of {@code b[s, e)}, added when new. */
    public int id(byte[] b, int s, int e) {
        int n = Math.min(e - s, MAX_VALUE_BYTES);
        int h = 1;
        for (int i = 0; i < n; i++) h = 31 * h + b[s + i];
        int mask = slots.length - 1;
        int slot = mix(h) & mask;
        while (true) {
            int v = slots[slot];
            if (v == 0) break;
            int id = v - 1;
            if (hashes[id] == h && lengths[id] == n && Arrays.equals(pool, offsets[id], offsets[id] + n, b, s, s + n)) return id;
            slot = (slot + 1) & mask;
        }
        return add(b, s, n, h, slot);
    }

    /** The id of {@code value}, added when new. */
    public int id(String value) {
        byte[] b = value.getBytes(StandardCharsets.UTF_8);
        return id(b, 0, b.length);
    }

    public int size() {
        return size;
    }

    /** The decoded value of {@code id}. */
    public String value(int id) {
        if (decoded == null || decoded.length < size) decoded = Arrays.copyOf(decoded == null ? new String[0] : decoded, size);
        String v = decoded[id];
        if (v == null) decoded[id] = v = new String(pool, offsets[id], lengths[id], StandardCharsets.UTF_8);
        return v;
    }

    /** Whether the bytes of {@code id} are valid UTF-8. */
    public boolean isValidUtf8(int id) {
        return StandardCharsets.UTF_8.newDecoder()
                .decode(java.nio.ByteBuffer.wrap(pool, offsets[id], lengths[id]), java.nio.CharBuffer.allocate(lengths[id] + 1), true)
                .isUnderflow();
    }

    /**
     * A string column whose row i holds the value of {@code ids[i]} ({@link #MISSING} for a missing
     * value, Tablesaw's empty string), for the first {@code rows} ids.
     */
    public StringColumn column(String name, int[] ids, int rows) {
        int[] counts = new int[size];
        int missing = 0;
        int[] keys = new int[rows];
        for (int i = 0; i < rows; i++) {
            int id = ids[i];
            if (id == MISSING) {
                missing++;
                keys[i] = Integer.MAX_VALUE; // Tablesaw's key for its missing value
            } else {
                counts[id]++;
                keys[i] = id;
            }
        }
        Int2ObjectOpenHashMap<String> keyToValue = new Int2ObjectOpenHashMap<>();
        Object2IntOpenHashMap<String> valueToKey = new Object2IntOpenHashMap<>();
        valueToKey.defaultReturnValue(Integer.MIN_VALUE); // Tablesaw's "no such value"
        Int2IntOpenHashMap keyToCount = new Int2IntOpenHashMap();
        // Only values that occur: ids interned for rows that were dropped later must not show up.
        // Two ids can decode to the same string (different invalid bytes, both U+FFFD): they share a key.
        int[] remap = new int[size];
        for (int id = 0; id < size; id++) {
            if (counts[id] == 0) continue;
            String v = value(id);
            int key = valueToKey.getInt(v);
            if (key == Integer.MIN_VALUE) {
                key = id;
                valueToKey.put(v, key);
                keyToValue.put(key, v);
            }
            remap[id] = key;
            keyToCount.addTo(key, counts[id]);
        }
        for (int i = 0; i < rows; i++) {
            if (keys[i] != Integer.MAX_VALUE) keys[i] = remap[keys[i]];
        }
        if (missing > 0) {
            String m = StringColumnType.missingValueIndicator();
            keyToValue.put(Integer.MAX_VALUE, m);
            valueToKey.put(m, Integer.MAX_VALUE);
            keyToCount.put(Integer.MAX_VALUE, missing);
        }
        IntDictionaryMap map = new IntDictionaryMap.IntDictionaryBuilder()
                .setNextIndex(size - 1) // Tablesaw hands out incrementAndGet(): new values get size, size+1, ...
                .setKeyToValue(keyToValue)
                .setValueToKey(valueToKey)
                .setKeyToCount(keyToCount)
                .setValues(keys)
                .build();
        return StringColumn.createInternal(name, map);
    }

    private int add(byte[] b, int s, int n, int h, int slot) {
        if (size == offsets.length) {
            int cap = size * 2;
            offsets = Arrays.copyOf(offsets, cap);
            lengths = Arrays.copyOf(lengths, cap);
            hashes = Arrays.copyOf(hashes, cap);
        }
        if (poolSize + n > pool.length) pool = Arrays.copyOf(pool, Math.max(pool.length * 2, poolSize + n));
        System.arraycopy(b, s, pool, poolSize, n);
        int id = size++;
        offsets[id] = poolSize;
        lengths[id] = n;
        hashes[id] = h;
        poolSize += n;
        slots[slot] = id + 1;
        if (size * 2 > slots.length) rehash();
        return id;
    }

    private void rehash() {
        int[] bigger = new int[slots.length * 2];
        int mask = bigger.length - 1;
        for (int id = 0; id < size; id++) {
            int slot = mix(hashes[id]) & mask;
            while (bigger[slot] != 0) slot = (slot + 1) & mask;
            bigger[slot] = id + 1;
        }
        slots = bigger;
    }

    private static int mix(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
