package cn.zjdata.portal.tabular;

import java.util.function.IntConsumer;

/**
 * The rows of one table reduced to hashes, for {@link TableDiff}: for each row its key hash, its content
 * hash, its position in the file and whether a row of the other table has been matched to it. Three
 * primitive arrays with open addressing and linear probing, doubling when three quarters full: 20 bytes a
 * slot, so about 40 MB for a million rows.
 *
 * <p>A key may occur more than once (the rows of an unkeyed table are keyed by their content, and a keyed
 * table should not, but might, repeat a key). The first occurrence is stored under its hash; the n-th
 * repeat under a hash derived from the key hash and n, and a side map counts, for repeated keys only,
 * how many repeats each table has had. So the n-th row of the other table with a key is matched to the
 * n-th row of this table with it, in constant time whatever the number of repeats.
 */
final class RowIndex {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private long[] keys;
    private long[] contents;
    /** 0 for a free slot, ordinal + 1 for a row not yet matched, -(ordinal + 1) for a matched one. */
    private int[] ordinals;
    private int mask;
    private int size;
    /** For keys seen more than once: repeats in this table in the high half, repeats matched so far low. */
    private final LongLongMap repeats = new LongLongMap(16);

    RowIndex() {
        allocate(1024);
    }

    /** Adds a row; rows are added in file order, the first with ordinal 0. */
    void add(long key, long content, int ordinal) {
        if (ordinal < 0 || ordinal == Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a table of more than " + (Integer.MAX_VALUE - 1) + " rows");
        }
        if (find(key) >= 0) {
            long repeat = (repeats.get(key) >>> 32) + 1;
            repeats.put(key, repeat << 32);
            key = repeatKey(key, repeat);
        }
        if (size + 1 > (mask + 1) / 4 * 3) {
            allocate((mask + 1) * 2);
        }
        int slot = (int) key & mask;
        while (ordinals[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        contents[slot] = content;
        ordinals[slot] = ordinal + 1;
        size++;
    }

    /**
     * Matches a row of the other table to the next unmatched row with the same key.
     *
     * @return the slot of that row, now marked matched, or -1 when every row with the key is taken
     */
    int match(long key) {
        int slot = find(key);
        if (slot < 0) {
            return -1;
        }
        if (ordinals[slot] < 0) {
            long counts = repeats.get(key);
            long stored = counts >>> 32;
            long taken = (counts & 0xFFFFFFFFL) + 1;
            if (taken > stored) {
                return -1;
            }
            repeats.put(key, stored << 32 | taken);
            slot = find(repeatKey(key, taken));
            if (slot < 0 || ordinals[slot] < 0) {
                return -1; // only if a repeat hash collided with another key's: about 2^-64
            }
        }
        ordinals[slot] = -ordinals[slot];
        return slot;
    }

    long content(int slot) {
        return contents[slot];
    }

    /** The position in its file of the row in {@code slot}, the first row being 0. */
    int ordinal(int slot) {
        return Math.abs(ordinals[slot]) - 1;
    }

    /** How many rows were added. */
    int size() {
        return size;
    }

    /** Gives the ordinal of every row that was never matched, in no particular order. */
    void forEachUnmatched(IntConsumer action) {
        for (int ordinal : ordinals) {
            if (ordinal > 0) {
                action.accept(ordinal - 1);
            }
        }
    }

    private int find(long key) {
        for (int slot = (int) key & mask; ordinals[slot] != 0; slot = (slot + 1) & mask) {
            if (keys[slot] == key) {
                return slot;
            }
        }
        return -1;
    }

    private static long repeatKey(long key, long repeat) {
        return RowHasher.mix(key + repeat * GOLDEN);
    }

    private void allocate(int capacity) {
        if (capacity <= 0) {
            throw new IllegalStateException("too many rows for one index");
        }
        long[] oldKeys = keys;
        long[] oldContents = contents;
        int[] oldOrdinals = ordinals;
        keys = new long[capacity];
        contents = new long[capacity];
        ordinals = new int[capacity];
        mask = capacity - 1;
        if (oldKeys == null) {
            return;
        }
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldOrdinals[i] != 0) {
                int slot = (int) oldKeys[i] & mask;
                while (ordinals[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                contents[slot] = oldContents[i];
                ordinals[slot] = oldOrdinals[i];
            }
        }
    }
}
